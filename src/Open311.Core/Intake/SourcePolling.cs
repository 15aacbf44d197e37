using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions.Documents;

namespace Open311.Core.Intake;

/// <summary>
/// The one poll for every source, on the Functions timer and the Kestrel job alike: each source whose connector
/// polls, one after another, each failure kept to its own source.
/// </summary>
public sealed class SourcePolling(ISourceStore sources, ConnectorCatalog connectors, IntakeService intake, ILogger<SourcePolling> logger)
{
    public async Task<int> PollAllAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        foreach (var id in await sources.ListIdsAsync(cancellationToken))
        {
            processed += (await PollAsync(id, cancellationToken)).Processed;
        }

        return processed;
    }

    public async Task<PollResult> PollAsync(string sourceId, CancellationToken cancellationToken)
    {
        var json = await sources.GetAsync(sourceId, cancellationToken);
        var source = json is null ? null : DocumentJson.Read<SourceDocument>(json, out _);
        if (source is null || connectors.Find(source.Type) is not { Poller: { } poller } connector || !poller.Polls(source))
        {
            return new PollResult(0, "this source is not polled (its connector has no poller, or it is not set up for one)");
        }

        var context = new PollContext(sourceId, sources, (report, ct) => intake.AcceptAsync(connector, source, report, null, ct));
        var result = await poller.PollAsync(source, context, cancellationToken);
        logger.LogInformation("Polled {Source} ({Type}): {Processed} reports{Stopped}", sourceId, source.Type, result.Processed, result.Stopped is null ? string.Empty : $", stopped: {result.Stopped}");
        return result;
    }
}
