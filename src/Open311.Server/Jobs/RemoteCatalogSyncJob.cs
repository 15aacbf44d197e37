using Microsoft.Extensions.Options;
using Open311.Api;
using Open311.Core.Jurisdictions.Remote;

namespace Open311.Server.Jobs;

/// <summary>The Kestrel host's stand-in for the Functions timer: syncs remote catalogues every RemoteSyncInterval.</summary>
public sealed class RemoteCatalogSyncJob(RemoteCatalogSync sync, IOptions<Open311Options> options, ILogger<RemoteCatalogSyncJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RemoteSyncInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sync.SyncAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Remote catalogue sync failed");
            }
        }
    }
}
