using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>The social connector's registration: its post reading, its pollers and its place question.</summary>
public sealed class SocialModule : IConnectorModule
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<SocialReports>();
        services.AddSingleton<ISocialReports>(sp => sp.GetRequiredService<SocialReports>());
        services.AddSocialPolling();
        services.AddSingleton<SocialConnector>();
        services.AddSingleton<IConnector>(sp => sp.GetRequiredService<SocialConnector>());
    }
}
