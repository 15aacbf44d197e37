using Microsoft.Azure.Functions.Worker;
using Open311.Core.Forwarding;

namespace Open311.Functions.Timers;

public sealed class StatusMirrorFunction(StatusMirror mirror)
{
    /// <summary>Every 15 minutes: reads what the cities did with the reports passed to them, and retries notices to sources.</summary>
    [Function(nameof(MirrorStatuses))]
    public Task MirrorStatuses([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        mirror.MirrorAsync(cancellationToken);
}
