using Open311.Core.Forwarding;

namespace Open311.Server.Jobs;

/// <summary>
/// The Kestrel host's forwarding consumer (the Functions app has a queue trigger and timers): drains the forward queue
/// every few seconds, sweeps the outbox for due retries every five minutes, and mirrors the cities' statuses (with
/// the retry of notices to sources) every fifteen.
/// </summary>
public sealed class ForwardingJob(OutboxSweep sweep, StatusMirror mirror, ILogger<ForwardingJob> logger) : BackgroundService
{
    public static readonly TimeSpan DrainEvery = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MirrorEvery = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSweep = DateTimeOffset.MinValue;
        var lastMirror = DateTimeOffset.UtcNow;
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

                if (DateTimeOffset.UtcNow - lastMirror >= MirrorEvery)
                {
                    lastMirror = DateTimeOffset.UtcNow;
                    await mirror.MirrorAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Forwarding job failed; trying again in {Seconds} s", DrainEvery.TotalSeconds);
            }
        }
    }
}
