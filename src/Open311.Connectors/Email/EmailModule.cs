using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;

namespace Open311.Connectors.Email;

/// <summary>The e-mail connector's registration.</summary>
public sealed class EmailModule : IConnectorModule
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<DeliveryAuth>();
        services.AddSingleton<Acknowledgement>();
        services.AddSingleton<StatusReply>();
        services.AddSingleton<EmailConnector>();
        services.AddSingleton<IConnector>(sp => sp.GetRequiredService<EmailConnector>());
    }
}
