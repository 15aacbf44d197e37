using Open311.Core.Requests;

namespace Open311.Core.Intake;

/// <summary>
/// What a source is told when the request its report became changes: the new status (extended set), the words that
/// came with it, and where the request is. Kept on the intake record until the source has it.
/// </summary>
public sealed record StatusNotice
{
    /// <summary>In the extended set: <c>open</c>, <c>in_progress</c>, <c>fixed</c>, <c>closed</c>…</summary>
    public required string Status { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The request's id where it lives (ours, or the remote city's).</summary>
    public string? ServiceRequestId { get; init; }

    public string? JurisdictionId { get; init; }

    /// <summary>Whom the source may answer (an e-mail's sender); personal data, kept off public answers like the record itself.</summary>
    public Requester Contact { get; init; } = Requester.None;

    public int Attempts { get; init; }
}
