namespace Open311.Core.Requests;

/// <summary>A service request as stored: the public GeoReport fields, the requester, and its history.</summary>
public sealed record ServiceRequest
{
    public required string Id { get; init; }

    public required string JurisdictionId { get; init; }

    public required string ServiceCode { get; init; }

    public string? ServiceName { get; init; }

    public required string Status { get; init; }

    public string? StatusNotes { get; init; }

    /// <summary>The status in the mySociety extended set (<c>in_progress</c>, <c>fixed</c>…) when it says more than open or closed.</summary>
    public string? ExtendedStatus { get; init; }

    /// <summary>How many <c>servicerequestupdates</c> entries it has: the next one's id is <c>{id}-{UpdateCount + 1}</c>.</summary>
    public int UpdateCount { get; init; }

    public string? Description { get; init; }

    public string? AgencyResponsible { get; init; }

    public string? ServiceNotice { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ExpectedAt { get; init; }

    public string? Address { get; init; }

    public string? AddressId { get; init; }

    public string? Zipcode { get; init; }

    public double? Lat { get; init; }

    public double? Long { get; init; }

    public string? MediaUrl { get; init; }

    /// <summary>Set for <c>batch</c> services: what the POST returned instead of the id.</summary>
    public string? Token { get; init; }

    /// <summary>The client's own id for the report (<c>attribute[fixmystreet_id]</c>, a connector's post id): the dedupe key.</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// Kept out of every public answer (requests to <c>blackbox</c> services: the POST returns no id, and the request
    /// is not tracked publicly). Staff see it through the manage API.
    /// </summary>
    public bool Private { get; init; }

    public IReadOnlyList<SubmittedAttribute> Attributes { get; init; } = [];

    public IReadOnlyList<RequestNote> Notes { get; init; } = [];

    public Requester Requester { get; init; } = Requester.None;
}
