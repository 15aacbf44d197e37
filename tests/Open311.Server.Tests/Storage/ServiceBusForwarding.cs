using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;
using Open311.Storage;
using Open311.Storage.Intake;

namespace Open311.Server.Tests.Storage;

/// <summary>
/// Service Bus cannot run here, so its sender and receiver are replaced through the SDK's own test seam (protected
/// constructors, virtual send/receive/complete, ServiceBusModelFactory for received messages). What is checked is ours:
/// the provider switch, the message we build, and how a received one is read and completed.
/// </summary>
public sealed class ServiceBusForwarding
{
    [Fact]
    public async Task TheProviderSettingChoosesServiceBus()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Queue:Provider"] = "ServiceBus",
            ["ServiceBus:ConnectionString"] = "Endpoint=sb://open311-test.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0",
        }).Build();
        await using var services = new ServiceCollection().AddOpen311Storage(configuration).BuildServiceProvider();

        Assert.IsType<ServiceBusWorkQueue>(services.GetRequiredService<IWorkQueue>());
    }

    [Fact]
    public void StorageQueuesAreTheDefault()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" }).Build();
        using var services = new ServiceCollection().AddOpen311Storage(configuration).BuildServiceProvider();

        Assert.IsType<StorageQueueWorkQueue>(services.GetRequiredService<IWorkQueue>());
    }

    [Fact]
    public async Task AWakeUpIsOneJsonMessageKeyedByItsIntakeId()
    {
        var sender = new RecordingSender();

        await new ServiceBusWorkQueue(sender, new ScriptedReceiver([])).EnqueueAsync(new ForwardMessage("crisis:7", "crisis", "7"), null, CancellationToken.None);

        var message = Assert.Single(sender.Sent);
        Assert.Equal("crisis:7", message.MessageId);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("crisis:7", JsonNode.Parse(message.Body.ToString())!["IntakeId"]!.GetValue<string>());
        Assert.Equal(default, message.ScheduledEnqueueTime);
    }

    [Fact]
    public async Task ARetryIsScheduledAndNotDroppedAsADuplicateOfTheFirst()
    {
        var sender = new RecordingSender();
        var queue = new ServiceBusWorkQueue(sender, new ScriptedReceiver([]));

        await queue.EnqueueAsync(new ForwardMessage("crisis:7", "crisis", "7"), null, CancellationToken.None);
        await queue.EnqueueAsync(new ForwardMessage("crisis:7", "crisis", "7"), TimeSpan.FromMinutes(4), CancellationToken.None);

        Assert.Equal(2, sender.Sent.Select(m => m.MessageId).Distinct().Count());
        Assert.True(sender.Sent[1].ScheduledEnqueueTime > DateTimeOffset.UtcNow.AddMinutes(3));
    }

    [Fact]
    public async Task ReceivedWakeUpsAreReadAndCompletedOneByOne()
    {
        var good = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString("""{"IntakeId":"crisis:7","SourceId":"crisis","ExternalId":"7"}"""), messageId: "crisis:7");
        var garbage = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString("not json"), messageId: "x");
        var receiver = new ScriptedReceiver([good, garbage]);

        var received = await new ServiceBusWorkQueue(new RecordingSender(), receiver).ReceiveAsync(10, CancellationToken.None);

        Assert.Equal(["crisis:7", string.Empty], received.Select(r => r.Message.IntakeId));
        await received[0].CompleteAsync(CancellationToken.None);
        Assert.Equal(["crisis:7"], receiver.Completed.Select(m => m.MessageId));
    }

    private sealed class RecordingSender : ServiceBusSender
    {
        public List<ServiceBusMessage> Sent { get; } = [];

        public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class ScriptedReceiver(IReadOnlyList<ServiceBusReceivedMessage> waiting) : ServiceBusReceiver
    {
        public List<ServiceBusReceivedMessage> Completed { get; } = [];

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
            => Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>(waiting.Take(maxMessages).ToList());

        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        {
            Completed.Add(message);
            return Task.CompletedTask;
        }
    }
}
