using Microsoft.Extensions.DependencyInjection;
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
        return services;
    }
}
