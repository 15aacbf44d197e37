namespace Open311.Core.Intake;

/// <summary>The trace every inbound report leaves: what happened to it and why.</summary>
public sealed record IntakeRecord
{
    /// <summary><c>{source}:{external id}</c>: the same report always has the same record.</summary>
    public required string IntakeId { get; init; }

    public required string SourceId { get; init; }

    public required string ExternalId { get; init; }

    public required string Outcome { get; init; }

    public required string Reason { get; init; }

    public string? Title { get; init; }

    public string? JurisdictionId { get; init; }

    public string? ServiceCode { get; init; }

    public string? ServiceRequestId { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>How many times the report arrived (webhook, poll, retries, edits).</summary>
    public int Deliveries { get; init; } = 1;

    /// <summary>What the latest delivery did: <c>first</c>, or <c>duplicate</c> when it changed nothing.</summary>
    public string LastDelivery { get; init; } = "first";

    /// <summary>For sources that write back: <c>done</c>, or why it failed; null when not asked for.</summary>
    public string? WriteBack { get; init; }

    public static string IdOf(string sourceId, string externalId) => $"{sourceId}:{externalId}";
}
