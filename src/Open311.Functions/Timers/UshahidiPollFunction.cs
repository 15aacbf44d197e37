using Microsoft.Azure.Functions.Worker;
using Open311.Connectors.Ushahidi;

namespace Open311.Functions.Timers;

public sealed class UshahidiPollFunction(UshahidiPoller poller)
{
    /// <summary>Every 5 minutes: Ushahidi sends webhooks from a 5-minute cron without retries; this catches what it drops.</summary>
    [Function(nameof(PollUshahidiSources))]
    public Task PollUshahidiSources([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAllAsync(cancellationToken);
}
