namespace Open311.Core.Forwarding;

/// <summary>
/// The outbox part of an intake record for a remote city. It changes only by conditional (ETag) writes of the
/// record, so two workers — or a webhook racing a poll — can never send it twice.
/// </summary>
public sealed record Delivery
{
    public required string State { get; init; }

    public int Attempts { get; init; }

    /// <summary>Why the last try failed, or why it is dead.</summary>
    public string? Reason { get; init; }

    public string? RemoteRequestId { get; init; }

    public string? Token { get; init; }

    public DateTimeOffset? FirstAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>While <see cref="DeliveryState.Sending"/>: when a worker that has not finished is presumed gone.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The status the city reports for it (mirrored; the extended set where the city speaks it), and when it last changed there.</summary>
    public string? RemoteStatus { get; init; }

    public DateTimeOffset? RemoteUpdatedAt { get; init; }

    /// <summary>The words that came with the city's latest status (its update's description, or the request's status notes).</summary>
    public string? RemoteNotes { get; init; }

    /// <summary>When the status job last asked the city.</summary>
    public DateTimeOffset? MirroredAt { get; init; }
}
