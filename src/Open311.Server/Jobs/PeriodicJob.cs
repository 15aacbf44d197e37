namespace Open311.Server.Jobs;

/// <summary>
/// The Kestrel host's stand-in for a Functions timer: runs a job every interval, logging (not dying of) failures.
/// </summary>
public abstract class PeriodicJob(TimeSpan interval, ILogger logger) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} failed", GetType().Name);
            }
        }
    }
}
