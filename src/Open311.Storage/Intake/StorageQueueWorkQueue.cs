using System.Text.Json;
using Azure.Storage.Queues;
using Open311.Core.Intake;
using Open311.Storage.Tables;

namespace Open311.Storage.Intake;

/// <summary>
/// The forwarding queue on Azure Storage Queues. Messages are Base64, the encoding the Functions queue trigger
/// expects by default: a producer and trigger that disagree turn every message into a poison message. The queue's
/// name is <c>ForwardQueueName</c> (the trigger reads the same setting), else the table prefix + <c>forward</c>.
/// </summary>
public sealed class StorageQueueWorkQueue(QueueServiceClient service, StorageOptions options) : IWorkQueue
{
    public const string QueueName = "forward";

    /// <summary>How long a received message stays hidden while its record is looked at.</summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromMinutes(2);

    private readonly OnFirstUse<QueueClient> queue = new(async ct =>
    {
        var client = service.GetQueueClient(Name(options));
        await client.CreateIfNotExistsAsync(cancellationToken: ct);
        return client;
    });

    public static string Name(StorageOptions options) => (options.ForwardQueueName ?? options.TablePrefix + QueueName).ToLowerInvariant();

    public async Task EnqueueAsync(ForwardMessage message, TimeSpan? delay, CancellationToken cancellationToken) =>
        await (await queue.GetAsync(cancellationToken)).SendMessageAsync(JsonSerializer.Serialize(message), visibilityTimeout: delay, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<QueuedForward>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        var client = await queue.GetAsync(cancellationToken);
        var received = await client.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), Visibility, cancellationToken);
        return received.Value
            .Select(m => new QueuedForward(Read(m.MessageText), ct => client.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct)))
            .ToList();
    }

    /// <summary>A message that is not ours (or broken) wakes nothing; the sweep still finds every queued record.</summary>
    private static ForwardMessage Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ForwardMessage>(text) ?? new ForwardMessage(string.Empty, string.Empty, string.Empty);
        }
        catch (JsonException)
        {
            return new ForwardMessage(string.Empty, string.Empty, string.Empty);
        }
    }
}
