using Microsoft.Azure.Functions.Worker;
using Open311.Core.Intake;

namespace Open311.Functions.Timers;

public sealed class SourcePollFunction(SourcePolling polling)
{
    /// <summary>Every 5 minutes, every source whose connector polls (webhooks get lost; the poll catches what they drop).</summary>
    [Function(nameof(PollSources))]
    public Task PollSources([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        polling.PollAllAsync(cancellationToken);
}
