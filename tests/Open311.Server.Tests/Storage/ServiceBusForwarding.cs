using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;
using Open311.Storage;
using Open311.Storage.Intake;

namespace Open311.Server.Tests.Storage;

/// <summary>
/// Service Bus cannot run here, so its sender is replaced by one that records what it is given (the SDK's own
/// test seam: ServiceBusSender's protected constructor and virtual SendMessageAsync). What is checked is ours:
/// the provider switch, and the message we build.
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
    public async Task AForwardIsOneJsonMessageKeyedByItsIntakeId()
    {
        var sender = new RecordingSender();

        await new ServiceBusWorkQueue(sender).EnqueueAsync(new ForwardMessage("crisis:7", "far.example", "PH1", 10.5, 10.5, "Deep hole", null, null, "crisis:7"), CancellationToken.None);

        var message = Assert.Single(sender.Sent);
        Assert.Equal("crisis:7", message.MessageId);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("PH1", JsonNode.Parse(message.Body.ToString())!["ServiceCode"]!.GetValue<string>());
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
}
