using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;
using Open311.Core.Outbound;

namespace Open311.Connectors.Ushahidi;

/// <summary>The Ushahidi connector's registration.</summary>
public sealed class UshahidiModule : IConnectorModule
{
    public void Register(IServiceCollection services)
    {
        services.AddGuardedHttpClient<UshahidiPoller>("Ushahidi poller").AddOutboundRetries();
        services.AddGuardedHttpClient<UshahidiMedia>("Ushahidi media").AddOutboundRetries();
        // Labels are a nicety read inside a webhook's answer: one try, no backoff; unreadable means "staff only".
        services.AddGuardedHttpClient<UshahidiForms>("Ushahidi surveys");
        services.AddGuardedHttpClient<UshahidiWriteBack>("Ushahidi write-back").AddOutboundRetries();
        services.AddOptions<UshahidiPollOptions>();
        services.AddSingleton<UshahidiReports>();
        services.AddSingleton<UshahidiConnector>();
        services.AddSingleton<IConnector>(sp => sp.GetRequiredService<UshahidiConnector>());
    }
}
