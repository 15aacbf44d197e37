namespace Open311.Core.Intake;

/// <summary>The queue between intake and forwarding (Storage Queues by default, Service Bus when configured).</summary>
public interface IWorkQueue
{
    Task EnqueueAsync(ForwardMessage message, CancellationToken cancellationToken);
}
