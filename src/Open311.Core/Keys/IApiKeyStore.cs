namespace Open311.Core.Keys;

/// <summary>Where API keys live, looked up by the SHA-256 hash of the presented key.</summary>
public interface IApiKeyStore
{
    Task<ApiKey?> FindAsync(string keyHash, CancellationToken cancellationToken);

    Task AddAsync(string keyHash, ApiKey key, CancellationToken cancellationToken);
}
