namespace Open311.Core.Staff;

/// <summary>
/// Where staff keys live, looked up by the SHA-256 hash of the presented key. Read on every call, never cached, so a
/// revoked key stops working on every instance at once.
/// </summary>
public interface IStaffKeyStore
{
    Task<StaffKey?> FindAsync(string keyHash, CancellationToken cancellationToken);

    Task AddAsync(string keyHash, StaffKey key, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffKey>> ListAsync(CancellationToken cancellationToken);
}
