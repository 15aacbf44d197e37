namespace Open311.Core.Intake;

/// <summary>What a poller gets for one run: where it stands in the source, and the intake to hand reports to.</summary>
public sealed class PollContext(string sourceId, ISourceStore store, Func<InboundReport, CancellationToken, Task<IntakeRecord>> accept)
{
    public string SourceId { get; } = sourceId;

    /// <summary>The poller's own cursor text (null before the first run).</summary>
    public Task<string?> GetCursorAsync(CancellationToken cancellationToken) => store.GetCursorAsync(SourceId, cancellationToken);

    /// <summary>Saved after every page, so a failure loses no progress.</summary>
    public Task SaveCursorAsync(string cursor, CancellationToken cancellationToken) => store.SaveCursorAsync(SourceId, cursor, cancellationToken);

    public Task<IntakeRecord> AcceptAsync(InboundReport report, CancellationToken cancellationToken) => accept(report, cancellationToken);
}
