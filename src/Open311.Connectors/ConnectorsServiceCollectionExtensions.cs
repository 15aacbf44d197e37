using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Open311.Connectors.Mail;
using Open311.Core.Notifications;
using Open311.Connectors.Media;
using Open311.Core.Intake;
using Open311.Core.Outbound;

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
}
