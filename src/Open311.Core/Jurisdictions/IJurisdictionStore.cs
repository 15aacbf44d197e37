namespace Open311.Core.Jurisdictions;

/// <summary>Where jurisdiction configuration documents live.</summary>
public interface IJurisdictionStore
{
    /// <summary>A value that changes whenever any jurisdiction changes: one cheap read tells a cache it is stale.</summary>
    Task<string?> GetStampAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredJurisdiction>> ListAsync(CancellationToken cancellationToken);

    Task<StoredJurisdiction?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a document; with <paramref name="ifMatch"/> only if it is unchanged (else 412).</summary>
    Task<StoredJurisdiction> PutAsync(string id, string documentJson, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Creates or replaces many documents (a bulk import), as few transactions as the limits allow.</summary>
    Task PutManyAsync(IReadOnlyList<(string Id, string Json)> documents, CancellationToken cancellationToken);
}
