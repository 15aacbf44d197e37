namespace Open311.Client;

/// <summary>
/// One entry of a city's update feed (the mySociety <c>servicerequestupdates</c> extension). Entries without an update
/// id or a request id are left out: they can be neither deduplicated nor attached.
/// </summary>
public sealed record RemoteRequestUpdate
{
    public required string UpdateId { get; init; }

    public required string ServiceRequestId { get; init; }

    /// <summary>The extended set as given (<c>in_progress</c>, <c>fixed</c>, <c>duplicate</c>, …), trimmed and lower-cased.</summary>
    public string? Status { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? MediaUrl { get; init; }

    public string? ExternalStatusCode { get; init; }
}
