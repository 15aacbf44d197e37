using Open311.Core.Forwarding;

namespace Open311.Server.Jobs;

/// <summary>
/// The Kestrel host's forwarding consumer (the Functions app has a queue trigger): drains the forward queue every few
/// seconds and sweeps the outbox for due retries every five minutes.
/// </summary>
public sealed class ForwardingJob(OutboxSweep sweep, ILogger<ForwardingJob> logger) : BackgroundService
{
    public static readonly TimeSpan DrainEvery = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSweep = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(DrainEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await sweep.DrainAsync(16, stoppingToken) > 0)
                {
                }

                if (DateTimeOffset.UtcNow - lastSweep >= SweepEvery)
                {
                    lastSweep = DateTimeOffset.UtcNow;
                    await sweep.SweepAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Forwarding job failed; trying again in {Seconds} s", DrainEvery.TotalSeconds);
            }
        }
    }
}
