namespace Open311.Core.Intake;

/// <summary>
/// The queue between intake and forwarding (Storage Queues by default, Service Bus when configured). Its messages
/// only wake a worker: the intake record is the outbox.
/// </summary>
public interface IWorkQueue
{
    /// <param name="delay">When the message should become visible (a retry's backoff); null: at once.</param>
    Task EnqueueAsync(ForwardMessage message, TimeSpan? delay, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> messages for a consumer that polls (the Kestrel host; the sweep in the Functions app with Service Bus).</summary>
    Task<IReadOnlyList<QueuedForward>> ReceiveAsync(int max, CancellationToken cancellationToken);
}
