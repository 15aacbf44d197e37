namespace Open311.Core.Intake;

/// <summary>
/// What a connector made of a delivery: the reports in it (one that could not be read carries its
/// <see cref="InboundReport.Problem"/>), or a refusal — wrong credentials, a body that is no payload of its kind —
/// with the HTTP status to answer and the reason.
/// </summary>
public sealed record InboundBatch(IReadOnlyList<InboundReport> Reports, int RefusalStatus = 0, string? Refusal = null)
{
    public static InboundBatch Refused(int status, string reason) => new([], status, reason);

    public bool IsRefused => Refusal is not null;
}
