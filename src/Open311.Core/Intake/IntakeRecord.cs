using System.Text.Json.Serialization;
using Open311.Core.Forwarding;

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

    /// <summary>For sources that write back or acknowledge: <c>done</c>, or why it failed; null when not asked for.</summary>
    public string? WriteBack { get; init; }

    /// <summary>Text for staff only (personal survey fields, an e-mail's sender details): never in a public answer.</summary>
    public string? Details { get; init; }

    /// <summary>The report's photos as stored here (the first is the request's <c>media_url</c>).</summary>
    public IReadOnlyList<string> Photos { get; init; } = [];

    /// <summary>Where the payload as it arrived is kept (<c>{folder}/{name}</c>), for sources that keep it.</summary>
    public string? Raw { get; init; }

    /// <summary>For a report passed to a remote city: the outbox state.</summary>
    public Delivery? Delivery { get; init; }

    /// <summary>For a report passed to a remote city: what to send (staff-only, like every intake record).</summary>
    public ForwardPayload? Forward { get; init; }

    /// <summary>What the report said (staff-only), so it can be finished later without the source sending it again.</summary>
    public StoredReport? Report { get; init; }

    /// <summary>What happened to the report after intake: deliveries, status changes, notices to its source.</summary>
    public IReadOnlyList<Requests.RequestNote> Notes { get; init; } = [];

    /// <summary>A status change the source has not been told of yet (its last try failed); retried by the status job.</summary>
    public StatusNotice? PendingNotice { get; init; }

    /// <summary>The stored row's version; null for a record not stored yet. Writes are conditional on it.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }

    public static string IdOf(string sourceId, string externalId) => $"{sourceId}:{externalId}";

    /// <summary>Reads an intake id back into its source and external id (a request made by intake has it as its external id).</summary>
    public static bool TryParseId(string? intakeId, out string sourceId, out string externalId)
    {
        var parts = intakeId?.Split(':', 2);
        (sourceId, externalId) = parts is [{ Length: > 0 } source, { Length: > 0 } external] && !source.Contains('|', StringComparison.Ordinal) ? (source, external) : (string.Empty, string.Empty);
        return sourceId.Length > 0;
    }
}
