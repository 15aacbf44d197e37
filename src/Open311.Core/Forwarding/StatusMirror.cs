using Microsoft.Extensions.Logging;
using Open311.Client;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Outbound;
using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Core.Updates;

namespace Open311.Core.Forwarding;

/// <summary>
/// Brings back what the cities did with the reports passed to them. Per city, one read: its
/// <c>servicerequestupdates</c> feed where it offers one (the extended statuses and their words), else its requests by
/// id (open or closed, and the status notes). Each change becomes a note on the intake record and is passed to the
/// report's source; then notices that failed before are tried again.
/// </summary>
public sealed class StatusMirror(IIntakeStore records, JurisdictionRegistry registry, Open311Client client, SourceNotices notices, TimeProvider time, ILogger<StatusMirror> logger)
{
    /// <summary>Delivered reports looked at per run, newest first.</summary>
    public const int MaxPerRun = 500;

    /// <summary>Ids per <c>GET requests?service_request_id=</c> (our own server takes 100; others fewer).</summary>
    public const int IdsPerCall = 50;

    /// <summary>How far back the feed is read at most, however long the job was away.</summary>
    public static readonly TimeSpan MaxFeedWindow = TimeSpan.FromDays(7);

    /// <summary>How often an unchanged record's <see cref="Delivery.MirroredAt"/> is moved on (it bounds the next feed window).</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromHours(1);

    /// <summary>Read again before the last run (and past our now), so an update that arrived at the city meanwhile is not missed.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(15);

    /// <summary>Mirrors every delivered report that has a remote id; returns how many changed.</summary>
    public async Task<int> MirrorAsync(CancellationToken cancellationToken)
    {
        var delivered = (await records.ListByDeliveryAsync(DeliveryState.Delivered, MaxPerRun, cancellationToken))
            .Where(r => r.Delivery?.RemoteRequestId is not null && r.JurisdictionId is not null)
            .ToList();
        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var changed = 0;
        foreach (var city in delivered.GroupBy(r => r.JurisdictionId!))
        {
            if (!snapshot.All.TryGetValue(city.Key, out var jurisdiction) || jurisdiction.Remote is not { } remote)
            {
                continue;
            }

            var endpoint = new Open311Endpoint(remote.Endpoint, remote.JurisdictionId, remote.ApiKey, remote.Format);
            try
            {
                var latest = await ReadAsync(endpoint, city.ToList(), cancellationToken);
                foreach (var record in city)
                {
                    changed += await ApplyAsync(record, jurisdiction.Name, latest.GetValueOrDefault(record.Delivery!.RemoteRequestId!), cancellationToken) ? 1 : 0;
                }
            }
            catch (Exception ex) when (ex is Open311ClientException or OutboundRefusedException)
            {
                logger.LogWarning("Status of reports passed to {Jurisdiction} not read this time: {Reason}", city.Key, ex.Message);
            }
        }

        await notices.RetryPendingAsync(MaxPerRun, cancellationToken);
        return changed;
    }

    /// <summary>The latest status the city gives for each of these reports' remote ids.</summary>
    private async Task<Dictionary<string, RemoteStatus>> ReadAsync(Open311Endpoint endpoint, List<IntakeRecord> reports, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = reports.Select(r => r.Delivery!.RemoteRequestId!).ToHashSet(StringComparer.Ordinal);
        var since = reports.Min(r => r.Delivery!.MirroredAt ?? r.Delivery.LastAttemptAt ?? r.FirstSeenAt) - Overlap;
        try
        {
            // The end reaches past our now by the overlap too: a city whose clock runs ahead must not hide its latest.
            var feed = await client.GetRequestUpdatesAsync(endpoint, since < now - MaxFeedWindow ? now - MaxFeedWindow : since, now + Overlap, cancellationToken);
            return feed.Where(u => ids.Contains(u.ServiceRequestId) && u.Status is not null)
                .GroupBy(u => u.ServiceRequestId)
                .ToDictionary(g => g.Key, g => g.OrderBy(u => u.UpdatedAt).Select(u => new RemoteStatus(Normalize(u.Status!), u.Description, u.UpdatedAt)).Last(), StringComparer.Ordinal);
        }
        catch (Open311ClientException ex) when (!ex.Transient)
        {
            // No update feed here (404, 400 …): the requests themselves say open or closed.
            logger.LogDebug("No servicerequestupdates at {Endpoint} ({Reason}); reading the requests", endpoint.BaseUrl, ex.Message);
        }

        var latest = new Dictionary<string, RemoteStatus>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdsPerCall))
        {
            foreach (var request in await client.GetRequestsAsync(endpoint, new RequestSearch { Ids = chunk }, cancellationToken))
            {
                if (request.Status is not null && ids.Contains(request.Id))
                {
                    latest[request.Id] = new RemoteStatus(Normalize(request.Status), request.StatusNotes, request.UpdatedAt);
                }
            }
        }

        return latest;
    }

    private async Task<bool> ApplyAsync(IntakeRecord record, string cityName, RemoteStatus? latest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var delivery = record.Delivery!;
        var changed = latest is not null && (latest.Status != delivery.RemoteStatus || (latest.Notes is not null && latest.Notes != delivery.RemoteNotes));
        if (!changed && delivery.MirroredAt > now - RecheckEvery)
        {
            // Nothing new, and the record says recently enough where the feed may start: no write.
            return false;
        }

        var mirrored = delivery with
        {
            MirroredAt = now,
            RemoteStatus = changed ? latest!.Status : delivery.RemoteStatus,
            RemoteNotes = changed ? latest!.Notes : delivery.RemoteNotes,
            RemoteUpdatedAt = changed ? latest!.At ?? now : delivery.RemoteUpdatedAt,
        };
        var notes = changed
            ? [.. record.Notes, new RequestNote(now, "remote", $"{cityName}: {latest!.Status}", latest.Notes is null ? null : InputText.Truncate(latest.Notes, 500))]
            : record.Notes;
        IntakeRecord saved;
        try
        {
            saved = await records.SaveAsync(record with { Delivery = mirrored, Notes = notes }, cancellationToken);
        }
        catch (IntakeConflictException)
        {
            // Someone else wrote it meanwhile; the next run reads it again.
            return false;
        }

        if (changed)
        {
            logger.LogInformation("Forwarded {IntakeId}: {City} now says {Status}", record.IntakeId, cityName, latest!.Status);
            var notice = new StatusNotice
            {
                Status = latest.Status,
                Description = latest.Notes,
                At = latest.At ?? now,
                ServiceRequestId = delivery.RemoteRequestId,
                JurisdictionId = record.JurisdictionId,
                Contact = record.Forward?.Contact ?? Requester.None,
            };
            await notices.PassOnAsync(saved, notice, cancellationToken);
        }

        return changed;
    }

    /// <summary>A city's status in our extended set where it is one of them, else open or closed as given (trimmed, lower case).</summary>
    private static string Normalize(string status) => ExtendedStatus.TryNormalize(status, out var known) ? known : status.Trim().ToLowerInvariant();

    private sealed record RemoteStatus(string Status, string? Notes, DateTimeOffset? At);
}
