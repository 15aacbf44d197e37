using Microsoft.Extensions.Options;
using Open311.Api;
using Open311.Core.Intake;

namespace Open311.Server.Jobs;

/// <summary>Polls every source whose connector polls, every PollInterval (Functions: timer PollSources).</summary>
public sealed class SourcePollJob(SourcePolling polling, IOptions<Open311Options> options, ILogger<SourcePollJob> logger)
    : PeriodicJob(options.Value.PollInterval, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => polling.PollAllAsync(cancellationToken);
}
