using Microsoft.Extensions.Options;
using Open311.Api;
using Open311.Connectors.Ushahidi;

namespace Open311.Server.Jobs;

/// <summary>The Kestrel host's stand-in for the Functions timer: polls connector sources every PollInterval.</summary>
public sealed class UshahidiPollJob(UshahidiPoller poller, IOptions<Open311Options> options, ILogger<UshahidiPollJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await poller.PollAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Polling connector sources failed");
            }
        }
    }
}
