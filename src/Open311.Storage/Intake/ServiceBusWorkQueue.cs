using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Open311.Core.Intake;
using Open311.Core.Protocol;

namespace Open311.Storage.Intake;

/// <summary>
/// The forwarding queue on Azure Service Bus (when <c>Queue__Provider</c> is <c>ServiceBus</c>): one JSON message per
/// wake-up, MessageId = the intake id, so the queue's duplicate detection (on in infra/) drops a resend; a retry's
/// delay is a scheduled enqueue time.
/// </summary>
public sealed class ServiceBusWorkQueue(ServiceBusSender sender, ServiceBusReceiver receiver) : IWorkQueue
{
    public const string QueueName = "forward";

    public async Task EnqueueAsync(ForwardMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var envelope = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(message))
        {
            // A retry is a new wake-up for the same record: it must not be dropped as a duplicate of the first.
            MessageId = delay is null ? message.IntakeId : $"{message.IntakeId}@{DateTimeOffset.UtcNow.Ticks}",
            ContentType = "application/json",
            Subject = "forward",
        };
        if (delay is { } wait)
        {
            envelope.ScheduledEnqueueTime = DateTimeOffset.UtcNow + wait;
        }

        try
        {
            await sender.SendMessageAsync(envelope, cancellationToken);
        }
        catch (ServiceBusException ex) when (ex.IsTransient || ex.Reason == ServiceBusFailureReason.ServiceTimeout)
        {
            throw new StorageUnavailableException("The Service Bus queue is unavailable; try again shortly.", TimeSpan.FromSeconds(5), ex);
        }
    }

    public async Task<IReadOnlyList<QueuedForward>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        var received = await receiver.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), TimeSpan.FromSeconds(1), cancellationToken);
        return received.Select(m => new QueuedForward(Read(m.Body), ct => receiver.CompleteMessageAsync(m, ct))).ToList();
    }

    private static ForwardMessage Read(BinaryData body)
    {
        try
        {
            return body.ToObjectFromJson<ForwardMessage>() ?? new ForwardMessage(string.Empty, string.Empty, string.Empty);
        }
        catch (JsonException)
        {
            return new ForwardMessage(string.Empty, string.Empty, string.Empty);
        }
    }
}
