namespace Open311.Core.Keys;

/// <summary>Where API keys live, looked up by the SHA-256 hash of the presented key.</summary>
public interface IApiKeyStore
{
    Task<ApiKey?> FindAsync(string keyHash, CancellationToken cancellationToken);

    Task AddAsync(string keyHash, ApiKey key, CancellationToken cancellationToken);

    /// <summary>Deletes the key whose id (<see cref="ApiKeySecrets.IdOf"/>) this is; false when there is none.</summary>
    Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken);
}
