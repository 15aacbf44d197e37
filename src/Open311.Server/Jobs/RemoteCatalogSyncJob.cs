using Microsoft.Extensions.Options;
using Open311.Api;
using Open311.Core.Jurisdictions.Remote;

namespace Open311.Server.Jobs;

/// <summary>Syncs remote catalogues every RemoteSyncInterval (Functions: timer SyncRemoteCatalogs).</summary>
public sealed class RemoteCatalogSyncJob(RemoteCatalogSync sync, IOptions<Open311Options> options, ILogger<RemoteCatalogSyncJob> logger)
    : PeriodicJob(options.Value.RemoteSyncInterval, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sync.SyncAllAsync(cancellationToken);
}
