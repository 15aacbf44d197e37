using Azure.Core;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Keys;
using Open311.Core.Media;
using Open311.Core.Requests;
using Open311.Core.Notifications;
using Open311.Core.Outbound;
using Open311.Core.Places;
using Open311.Storage.Geocoding;
using Open311.Storage.Identity;
using Open311.Storage.Mail;
using Open311.Storage.Intake;
using Open311.Storage.Jurisdictions;
using Open311.Storage.Keys;
using Open311.Storage.Media;
using Open311.Storage.Pipeline;
using Open311.Storage.Requests;
using Open311.Storage.Tables;

namespace Open311.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the Azure Storage adapters for Core's ports, configured from the <c>Storage</c> section.</summary>
    public static IServiceCollection AddOpen311Storage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.PostConfigure<StorageOptions>(o => o.ForwardQueueName ??= configuration["ForwardQueueName"] is { Length: > 0 } name ? name : null);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton(sp => CreateTableService(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton(sp => CreateBlobService(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton(sp => CreateQueueService(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton<TableProvider>();
        services.AddSingleton<RequestIdAllocator>();
        services.AddSingleton<IRequestStore, TableRequestStore>();
        services.AddSingleton<IJurisdictionStore, TableJurisdictionStore>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<Core.Staff.IStaffKeyStore, TableStaffKeyStore>();
        services.AddSingleton<IMediaStore, BlobMediaStore>();
        services.AddSingleton<IIntakeStore, TableIntakeStore>();
        services.AddSingleton<ISourceStore, TableSourceStore>();
        services.AddSingleton<Core.Places.IAddressStore, Places.TableAddressStore>();
        AddWorkQueue(services, configuration);
        AddMail(services, configuration);
        AddAzureMapsGeocoder(services, configuration);
        return services;
    }

    /// <summary>
    /// Storage Queues by default; Service Bus when <c>Queue__Provider</c> is <c>ServiceBus</c>, reached with
    /// <c>ServiceBus__fullyQualifiedNamespace</c> (+ <c>ServiceBus__clientId</c>, managed identity) or
    /// <c>ServiceBus__ConnectionString</c> — the settings infra/ writes.
    /// </summary>
    private static void AddWorkQueue(IServiceCollection services, IConfiguration configuration)
    {
        if (!string.Equals(configuration["Queue:Provider"], "ServiceBus", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IWorkQueue, StorageQueueWorkQueue>();
            return;
        }

        var bus = configuration.GetSection("ServiceBus");
        services.AddSingleton(_ => bus["ConnectionString"] is { Length: > 0 } cs
            ? new ServiceBusClient(cs)
            : new ServiceBusClient(
                bus["fullyQualifiedNamespace"] ?? throw new InvalidOperationException("Queue__Provider is ServiceBus: set ServiceBus__fullyQualifiedNamespace (or ServiceBus__ConnectionString)."),
                AzureCredentials.ForClient(bus["clientId"])));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(bus["QueueName"] ?? ServiceBusWorkQueue.QueueName));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateReceiver(bus["QueueName"] ?? ServiceBusWorkQueue.QueueName));
        services.AddSingleton<IWorkQueue, ServiceBusWorkQueue>();
    }

    /// <summary>Azure Communication Services Email when <c>Mail__Provider</c> says so; the other senders are registered by the API.</summary>
    private static void AddMail(IServiceCollection services, IConfiguration configuration)
    {
        var mail = configuration.GetSection(MailOptions.Section);
        services.AddGuardedHttpClient<CommunicationServicesMailSender>("mail")
            .AddTypedClient<CommunicationServicesMailSender>((http, sp) => new CommunicationServicesMailSender(http, sp.GetRequiredService<IOptions<MailOptions>>(), AzureCredentials.ForClient(mail["AcsClientId"])));
        if (string.Equals(mail["Provider"], "AzureCommunicationServices", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<CommunicationServicesMailSender>());
        }
    }

    /// <summary>
    /// Azure Maps as the geocoder when <c>Geocoder__Provider</c> is <c>AzureMaps</c> (Nominatim and what3words are
    /// registered by the connectors). The client is registered either way, so the guard test sees it; one credential
    /// for the app's lifetime, so its token cache is shared; retried, since a lookup is safe to repeat.
    /// </summary>
    private static void AddAzureMapsGeocoder(IServiceCollection services, IConfiguration configuration)
    {
        var geocoder = configuration.GetSection(GeocoderOptions.Section);
        var credential = new Lazy<TokenCredential>(() => AzureCredentials.ForClient(geocoder["AzureMapsIdentityClientId"]));
        services.AddGuardedHttpClient<AzureMapsGeocoder>("geocoding")
            .AddTypedClient<AzureMapsGeocoder>((http, sp) => new AzureMapsGeocoder(http, sp.GetRequiredService<IOptions<GeocoderOptions>>(), credential.Value, sp.GetRequiredService<ILogger<AzureMapsGeocoder>>()))
            .AddOutboundRetries();
        if (string.Equals(geocoder["Provider"], "AzureMaps", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IGeocoder>(sp => sp.GetRequiredService<AzureMapsGeocoder>());
        }
    }

    private static TableServiceClient CreateTableService(StorageOptions o)
    {
        var options = Retrying(new TableClientOptions(), "Table");
        return o.ConnectionString is { Length: > 0 } cs ? new TableServiceClient(cs, options)
            : new TableServiceClient(o.TableServiceUri ?? throw Missing("TableServiceUri"), Credential(o), options);
    }

    private static BlobServiceClient CreateBlobService(StorageOptions o)
    {
        var options = Retrying(new BlobClientOptions(), "Blob");
        return o.ConnectionString is { Length: > 0 } cs ? new BlobServiceClient(cs, options)
            : new BlobServiceClient(o.BlobServiceUri ?? throw Missing("BlobServiceUri"), Credential(o), options);
    }

    private static QueueServiceClient CreateQueueService(StorageOptions o)
    {
        var options = Retrying(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, "Queue");
        return o.ConnectionString is { Length: > 0 } cs ? new QueueServiceClient(cs, options)
            : new QueueServiceClient(o.QueueServiceUri ?? throw Missing("QueueServiceUri"), Credential(o), options);
    }

    /// <summary>
    /// Short, bounded retries: a client of ours is waiting (FixMyStreet gives up after 300 s, apps after a few), and a
    /// fast 503 with Retry-After serves it better than the SDK's default of up to a minute of backing off.
    /// </summary>
    private static T Retrying<T>(T options, string service)
        where T : ClientOptions
    {
        options.AddPolicy(new OutagePolicy(service), HttpPipelinePosition.PerCall);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        return options;
    }

    private static TokenCredential Credential(StorageOptions o) => AzureCredentials.ForClient(o.ClientId);

    private static InvalidOperationException Missing(string name) =>
        new($"Storage is not configured: set Storage__ConnectionString (local) or Storage__{name} with a managed identity (Azure).");
}
