using Microsoft.Azure.Functions.Worker;
using Open311.Core.Forwarding;
using Open311.Core.Intake;

namespace Open311.Functions.Queues;

public sealed class ForwardFunction(ForwardingWorker worker)
{
    /// <summary>
    /// A wake-up from the forward queue (Base64 JSON, as the producer writes it; the queue name from the setting
    /// ForwardQueueName). Delivery failures are recorded on the intake record and retried on its own schedule, so
    /// this returns normally; only a storage outage throws, and the host then redelivers (host.json maxDequeueCount,
    /// then forward-poison — the sweep still finds the record).
    /// </summary>
    [Function(nameof(ForwardReport))]
    public Task ForwardReport([QueueTrigger("%ForwardQueueName%", Connection = "AzureWebJobsStorage")] ForwardMessage message, CancellationToken cancellationToken) =>
        message.SourceId.Length == 0 ? Task.CompletedTask : worker.DeliverAsync(message.SourceId, message.ExternalId, cancellationToken);
}
