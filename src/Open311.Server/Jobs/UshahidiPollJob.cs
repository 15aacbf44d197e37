using Microsoft.Extensions.Options;
using Open311.Api;
using Open311.Connectors.Ushahidi;

namespace Open311.Server.Jobs;

/// <summary>Polls connector sources every PollInterval (Functions: timer PollUshahidiSources).</summary>
public sealed class UshahidiPollJob(UshahidiPoller poller, IOptions<Open311Options> options, ILogger<UshahidiPollJob> logger)
    : PeriodicJob(options.Value.PollInterval, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => poller.PollAllAsync(cancellationToken);
}
