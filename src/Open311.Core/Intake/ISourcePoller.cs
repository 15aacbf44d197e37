namespace Open311.Core.Intake;

/// <summary>A connector's poller: reads what the source made since its cursor and hands each report to the intake.</summary>
public interface ISourcePoller
{
    /// <summary>Whether this source is set up to be polled (a deployment URL, a search term…).</summary>
    bool Polls(SourceDocument source);

    Task<PollResult> PollAsync(SourceDocument source, PollContext context, CancellationToken cancellationToken);
}
