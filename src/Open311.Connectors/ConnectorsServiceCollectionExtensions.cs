using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Open311.Connectors.Geocoding;
using Open311.Connectors.Mail;
using Open311.Core.Notifications;
using Open311.Connectors.Media;
using Open311.Core.Intake;
using Open311.Core.Outbound;
using Open311.Core.Places;

namespace Open311.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>The shared photo copy and every connector module in this assembly.</summary>
    public static IServiceCollection AddOpen311Connectors(this IServiceCollection services)
    {
        services.AddGuardedHttpClient<PhotoCopier>("photo copy").AddOutboundRetries();
        services.AddSingleton<IPhotoCopier>(sp => sp.GetRequiredService<PhotoCopier>());
        foreach (var module in typeof(IConnectorModule).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IConnectorModule))))
        {
            ((IConnectorModule)Activator.CreateInstance(module)!).Register(services);
        }

        services.AddSingleton<ConnectorCatalog>();

        // Storage may have registered the Azure Communication Services sender already; else SMTP when configured, else none.
        services.AddSingleton<SmtpMailSender>();
        services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Provider switch
        {
            "Smtp" => sp.GetRequiredService<SmtpMailSender>(),
            _ => new NoMailSender(),
        });
        return services;
    }

    /// <summary>
    /// Nominatim as the geocoder when <c>Geocoder__Provider</c> is <c>Nominatim</c> (Azure Maps is registered by the
    /// storage project, beside the other Azure clients), and what3words always: it says itself whether a key makes it
    /// usable. Both clients are registered either way, so the guard test sees them. Nominatim is not retried: a retry
    /// would be a second request inside its one-per-second limit; a what3words lookup is safe to repeat. Each is a
    /// single instance, so one client serves every caller. Reads <c>Geocoder</c> options bound by the caller.
    /// </summary>
    public static IServiceCollection AddGeocoding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGuardedHttpClient<NominatimGeocoder>("geocoding");
        services.AddGuardedHttpClient<What3WordsClient>("what3words").AddOutboundRetries();
        services.TryAddSingleton<IWhat3Words>(sp => sp.GetRequiredService<What3WordsClient>());
        if (string.Equals(configuration[$"{GeocoderOptions.Section}:Provider"], "Nominatim", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IGeocoder>(sp => sp.GetRequiredService<NominatimGeocoder>());
        }

        return services;
    }
}
