using System.Text.Json;
using Azure.Storage.Queues;
using Open311.Core.Intake;
using Open311.Storage.Tables;

namespace Open311.Storage.Intake;

/// <summary>
/// The forwarding queue on Azure Storage Queues. Messages are Base64, the encoding the Functions queue trigger
/// expects by default: a producer and trigger that disagree turn every message into a poison message.
/// </summary>
public sealed class StorageQueueWorkQueue(QueueServiceClient service, StorageOptions options) : IWorkQueue
{
    public const string QueueName = "forward";

    private readonly OnFirstUse<QueueClient> queue = new(async ct =>
    {
        var client = service.GetQueueClient((options.TablePrefix + QueueName).ToLowerInvariant());
        await client.CreateIfNotExistsAsync(cancellationToken: ct);
        return client;
    });

    public async Task EnqueueAsync(ForwardMessage message, CancellationToken cancellationToken) =>
        await (await queue.GetAsync(cancellationToken)).SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken);
}
