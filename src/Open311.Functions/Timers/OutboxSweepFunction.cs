using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Open311.Core.Forwarding;

namespace Open311.Functions.Timers;

public sealed class OutboxSweepFunction(OutboxSweep sweep, IConfiguration configuration)
{
    /// <summary>
    /// Every 5 minutes: delivers whatever is due that no wake-up reached. With Service Bus as the queue it also drains
    /// it (no Service Bus trigger package restores for this worker; see docs/forwarding.md).
    /// </summary>
    [Function(nameof(SweepOutbox))]
    public async Task SweepOutbox([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (string.Equals(configuration["Queue:Provider"], "ServiceBus", StringComparison.OrdinalIgnoreCase))
        {
            while (await sweep.DrainAsync(32, cancellationToken) > 0)
            {
            }
        }

        await sweep.SweepAsync(cancellationToken);
    }
}
