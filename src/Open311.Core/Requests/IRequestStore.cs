namespace Open311.Core.Requests;

/// <summary>Where requests live. One jurisdiction's requests are one consistency unit.</summary>
public interface IRequestStore
{
    /// <summary>
    /// Stores a new request, giving it the jurisdiction's next id. When <see cref="ServiceRequest.ExternalId"/> is set
    /// and a request with that external id already exists, nothing is written and that request comes back as a duplicate.
    /// </summary>
    Task<CreateOutcome> CreateAsync(ServiceRequest draft, CancellationToken cancellationToken);

    Task<StoredRequest?> GetAsync(string jurisdictionId, string id, CancellationToken cancellationToken);

    /// <summary>Matching requests, newest first, public fields only; private (blackbox) requests are left out.</summary>
    Task<IReadOnlyList<ServiceRequest>> QueryAsync(string jurisdictionId, RequestQuery query, CancellationToken cancellationToken);

    Task<string?> FindIdByTokenAsync(string jurisdictionId, string token, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="before"/> with <paramref name="after"/> if the stored row still has <paramref name="etag"/>
    /// (else 412) and, in the same transaction, adds <paramref name="update"/> to the <c>servicerequestupdates</c> feed.
    /// </summary>
    /// <exception cref="Updates.UpdateExistsException">The update's client id was taken already (a repeated POST).</exception>
    Task<StoredRequest> ReplaceAsync(ServiceRequest before, ServiceRequest after, string etag, Updates.StatusUpdate? update, CancellationToken cancellationToken);

    /// <summary>The update a client posted under <paramref name="clientUpdateId"/> (<c>{key id}|{update_id}</c>), if any.</summary>
    Task<Updates.StatusUpdate?> FindUpdateAsync(string jurisdictionId, string clientUpdateId, CancellationToken cancellationToken);

    /// <summary>Public updates recorded from <paramref name="from"/> to <paramref name="to"/>, oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<Updates.StatusUpdate>> ListUpdatesAsync(string jurisdictionId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken);
}
