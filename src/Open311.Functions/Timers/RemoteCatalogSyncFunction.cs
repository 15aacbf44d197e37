using Microsoft.Azure.Functions.Worker;
using Open311.Core.Jurisdictions.Remote;

namespace Open311.Functions.Timers;

public sealed class RemoteCatalogSyncFunction(RemoteCatalogSync sync)
{
    /// <summary>Every 6 hours at minute 17 (off the hour, when other tenants' timers pile up).</summary>
    [Function(nameof(SyncRemoteCatalogs))]
    public Task SyncRemoteCatalogs([TimerTrigger("0 17 */6 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sync.SyncAllAsync(cancellationToken);
}
