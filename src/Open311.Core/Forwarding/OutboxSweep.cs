using Microsoft.Extensions.Logging;
using Open311.Core.Intake;

namespace Open311.Core.Forwarding;

/// <summary>
/// The outbox's safety net and, where no queue trigger runs, its consumer: drains the wake-up queue, then looks at
/// every record still queued, failed, waiting for a token or sending past its lease, and delivers the ones that are
/// due. A lost wake-up therefore delays a delivery by one sweep at most; it never loses it.
/// </summary>
public sealed class OutboxSweep(IWorkQueue queue, IIntakeStore records, ForwardingWorker worker, TimeProvider time, ILogger<OutboxSweep> logger)
{
    public const int MaxPerState = 500;

    private static readonly string[] Open = [DeliveryState.Queued, DeliveryState.Failed, DeliveryState.WaitingForToken, DeliveryState.Sending];

    /// <summary>Delivers what the queue woke; returns how many messages there were.</summary>
    public async Task<int> DrainAsync(int max, CancellationToken cancellationToken)
    {
        var received = await queue.ReceiveAsync(max, cancellationToken);
        foreach (var item in received)
        {
            if (item.Message.SourceId.Length > 0)
            {
                await worker.DeliverAsync(item.Message.SourceId, item.Message.ExternalId, cancellationToken);
            }

            await item.CompleteAsync(cancellationToken);
        }

        return received.Count;
    }

    /// <summary>Delivers every open record that is due; returns how many it looked at.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var looked = 0;
        foreach (var state in Open)
        {
            foreach (var record in await records.ListByDeliveryAsync(state, MaxPerState, cancellationToken))
            {
                if (record.Delivery is { } delivery && ForwardingWorker.IsDue(delivery, now))
                {
                    await worker.DeliverAsync(record.SourceId, record.ExternalId, cancellationToken);
                    looked++;
                }
            }
        }

        if (looked > 0)
        {
            logger.LogInformation("Outbox sweep: {Count} due deliveries looked at", looked);
        }

        return looked;
    }
}
