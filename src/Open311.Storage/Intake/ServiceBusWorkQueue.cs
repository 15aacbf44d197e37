using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Open311.Core.Intake;
using Open311.Core.Protocol;

namespace Open311.Storage.Intake;

/// <summary>
/// The forwarding queue on Azure Service Bus (when <c>Queue__Provider</c> is <c>ServiceBus</c>): one JSON message per
/// report, its intake id as MessageId so the namespace's duplicate detection can drop a resend.
/// </summary>
public sealed class ServiceBusWorkQueue(ServiceBusSender sender) : IWorkQueue
{
    public const string QueueName = "forward";

    public async Task EnqueueAsync(ForwardMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendMessageAsync(
                new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(message)) { MessageId = message.IntakeId, ContentType = "application/json", Subject = "forward" },
                cancellationToken);
        }
        catch (ServiceBusException ex) when (ex.IsTransient || ex.Reason == ServiceBusFailureReason.ServiceTimeout)
        {
            throw new StorageUnavailableException("The Service Bus queue is unavailable; try again shortly.", TimeSpan.FromSeconds(5), ex);
        }
    }
}
