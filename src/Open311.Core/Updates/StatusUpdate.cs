using Open311.Core.Requests;

namespace Open311.Core.Updates;

/// <summary>
/// One entry of <c>servicerequestupdates</c>: a change of a request's status or notes, by staff, by a client's POST,
/// or mirrored from the city a report was passed to. Origin, client id and contact are private.
/// </summary>
public sealed record StatusUpdate
{
    /// <summary>Ours: <c>{service_request_id}-{n}</c>, the request's n-th update.</summary>
    public required string UpdateId { get; init; }

    public required string ServiceRequestId { get; init; }

    public required string JurisdictionId { get; init; }

    /// <summary>In the extended set (<see cref="ExtendedStatus"/>).</summary>
    public required string Status { get; init; }

    public string? Description { get; init; }

    /// <summary>When it happened, as its author says.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it reached us: the feed's windows and order are on this, so a late-arriving update is never skipped.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public string? MediaUrl { get; init; }

    public string? ExternalStatusCode { get; init; }

    /// <summary><c>staff</c>, or <c>key {id}</c> for a client's POST.</summary>
    public required string Origin { get; init; }

    /// <summary>The client's own id for it (<c>{key id}|{update_id}</c>): a repeated POST finds this update.</summary>
    public string? ClientUpdateId { get; init; }

    /// <summary>The update of a request kept out of public answers (blackbox services): left out of the feed too.</summary>
    public bool Private { get; init; }

    public Requester Contact { get; init; } = Requester.None;
}
