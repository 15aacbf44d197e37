using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Open311.Api.Connectors;
using Open311.Api.Discovery;
using Open311.Api.Fallback;
using Open311.Api.Http;
using Open311.Api.Docs;
using Open311.Api.Health;
using Open311.Api.Keys;
using Open311.Api.Manage;
using Open311.Api.Media;
using Open311.Api.Requests;
using Open311.Api.Routing;
using Open311.Api.Services;
using Open311.Connectors;
using Microsoft.Extensions.Options;
using Open311.Api.Outbox;
using Open311.Api.Places;
using Open311.Api.Updates;
using Open311.Client;
using Open311.Core.Forwarding;
using Open311.Core.Intake;
using Open311.Core.Notifications;
using Open311.Core.Outbound;
using Open311.Core.Protocol;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Remote;
using Open311.Core.Places;
using Open311.Core.Updates;

namespace Open311.Api;

public static class Open311ApiServiceCollectionExtensions
{
    /// <summary>Registers the HTTP handlers both hosts call, and the Core services they use.</summary>
    public static IServiceCollection AddOpen311Api(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Open311Options>(configuration.GetSection(Open311Options.Section));
        services.Configure<OutboundOptions>(configuration.GetSection(OutboundOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<GeocoderOptions>(configuration.GetSection(GeocoderOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JurisdictionRegistry>();
        services.AddSingleton<JurisdictionImporter>();
        services.AddSingleton<RemoteCatalogSync>();
        services.AddSingleton<KeyRateLimiter>();
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<Staff.StaffAccess>();
        services.AddSingleton<FallbackEndpoints>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<KeyedPostReader>();
        services.AddSingleton<DiscoveryEndpoints>();
        services.AddSingleton<ServicesEndpoints>();
        services.AddSingleton<RequestsEndpoints>();
        services.AddSingleton<MediaEndpoints>();
        services.AddSingleton<ManageEndpoints>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<LookupEndpoints>();
        services.AddSingleton<Gazetteer>();
        services.AddSingleton<AddressImporter>();
        services.AddSingleton<PlaceFinder>();
        services.AddSingleton<AddressEndpoints>();
        services.AddSingleton<IntakePipeline>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<SourcePolling>();
        services.AddOpen311Connectors();
        services.AddGeocoding(configuration);
        services.AddSingleton<ConnectorEndpoints>();

        // Every call to another Open311 server (catalogues, forwarding, status): the client retries what is safe to
        // repeat itself, so no resilience handler here.
        services.TryAddSingleton(new Open311ClientOptions());
        services.AddGuardedHttpClient<Open311Client>("open311 client");
        services.AddSingleton<ForwardingWorker>();
        services.AddSingleton<OutboxSweep>();
        services.AddSingleton<StatusMirror>();
        services.AddSingleton<OutboxEndpoints>();

        // Status changes: the update feed, and passing each change back to the report's source.
        services.AddSingleton<SourceNotices>();
        services.AddSingleton<RequestUpdater>();
        services.AddSingleton<UpdatesEndpoints>();
        services.AddSingleton(sp => PublicBase.From(sp.GetRequiredService<IOptions<Open311Options>>().Value.PublicBaseUrl, Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME")));
        services.AddSingleton<SourcesAndIntakeEndpoints>();
        services.AddSingleton<DocsEndpoints>();
        services.AddSingleton<Core.Staff.IntakeFinisher>();
        services.AddSingleton<Staff.StaffEndpoints>();
        services.AddSingleton<Staff.InboxEndpoints>();
        services.AddSingleton<Web.WebEndpoints>();
        return services;
    }
}
