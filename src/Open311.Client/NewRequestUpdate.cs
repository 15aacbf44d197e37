namespace Open311.Client;

/// <summary>An update to post to a city's <c>servicerequestupdates</c> (the mySociety extension FixMyStreet speaks).</summary>
public sealed record NewRequestUpdate
{
    /// <summary>Our id for the update: cities deduplicate on it, so a repeat is refused rather than doubled.</summary>
    public required string UpdateId { get; init; }

    public required string ServiceRequestId { get; init; }

    /// <summary>Sent upper-case with underscores (<c>IN_PROGRESS</c>, <c>FIXED</c>, <c>CLOSED</c>), as FixMyStreet sends it.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? Description { get; init; }

    public string? MediaUrl { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}
