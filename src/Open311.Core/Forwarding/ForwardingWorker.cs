using Microsoft.Extensions.Logging;
using Open311.Client;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Outbound;

namespace Open311.Core.Forwarding;

/// <summary>
/// Delivers one report to its remote city, exactly once: it claims the record (a conditional write: two workers
/// cannot both hold it), sends, and records the outcome — delivered with the city's id, waiting for a batch token,
/// failed with the reason and a later retry, or dead. A retry after a lost answer first asks the city whether the
/// earlier try arrived (<see cref="EarlierDelivery"/>) so it does not create a second request.
/// </summary>
public sealed class ForwardingWorker(
    IIntakeStore records,
    JurisdictionRegistry registry,
    Open311Client client,
    IWorkQueue queue,
    SourceNotices notices,
    TimeProvider time,
    ILogger<ForwardingWorker> logger)
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan TokenDeadline = TimeSpan.FromDays(7);

    /// <summary>Looks at a record and delivers it when it is due; returns the record as it now stands (null when there is none).</summary>
    public async Task<IntakeRecord?> DeliverAsync(string sourceId, string externalId, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(sourceId, externalId, cancellationToken);
        var now = time.GetUtcNow();
        if (record is not { Delivery: { } delivery, Forward: { } forward } || !IsDue(delivery, now))
        {
            return record;
        }

        IntakeRecord claimed;
        try
        {
            var sending = delivery with
            {
                State = DeliveryState.Sending,
                Attempts = delivery.State == DeliveryState.WaitingForToken ? delivery.Attempts : delivery.Attempts + 1,
                FirstAttemptAt = delivery.FirstAttemptAt ?? now,
                LastAttemptAt = now,
                LeaseUntil = now + Lease,
            };
            claimed = await records.SaveAsync(record with { Delivery = sending }, cancellationToken);
        }
        catch (IntakeConflictException)
        {
            return record;
        }

        var next = await AttemptAsync(claimed, delivery, forward, now, cancellationToken);
        try
        {
            var saved = await records.SaveAsync(claimed with { Delivery = next }, cancellationToken);
            logger.LogInformation("Forward {IntakeId}: {State} after {Attempts} attempt(s){Reason}", saved.IntakeId, next.State, next.Attempts, next.Reason is null ? string.Empty : $" — {next.Reason}");
            if (next.State is DeliveryState.Failed or DeliveryState.WaitingForToken && next.NextAttemptAt is { } at)
            {
                await WakeLaterAsync(saved, at - now, cancellationToken);
            }

            if (next.State == DeliveryState.Delivered)
            {
                // The source learns where its report went (and the city's id), as it would of a request of ours.
                saved = await notices.PassOnAsync(saved, Received(saved, now), cancellationToken);
            }

            return saved;
        }
        catch (IntakeConflictException)
        {
            logger.LogWarning("Forward {IntakeId}: the record changed while it was being sent (a lease outlived?); the sweep looks again", claimed.IntakeId);
            return claimed;
        }
    }

    public static bool IsDue(Delivery delivery, DateTimeOffset now) => delivery.State switch
    {
        DeliveryState.Queued or DeliveryState.Failed or DeliveryState.WaitingForToken => (delivery.NextAttemptAt ?? now) <= now,
        DeliveryState.Sending => (delivery.LeaseUntil ?? now) <= now,
        _ => false,
    };

    private async Task<Delivery> AttemptAsync(IntakeRecord record, Delivery before, ForwardPayload forward, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempt = record.Delivery!;
        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        if (record.JurisdictionId is null || !snapshot.All.TryGetValue(record.JurisdictionId, out var jurisdiction) || jurisdiction.Remote is not { } remote)
        {
            return Dead(attempt, $"{record.JurisdictionId} is no longer a remote jurisdiction");
        }

        var endpoint = new Open311Endpoint(remote.Endpoint, remote.JurisdictionId, remote.ApiKey, remote.Format);
        try
        {
            if (before.State == DeliveryState.WaitingForToken && before.Token is { } token)
            {
                return await FollowTokenAsync(endpoint, attempt, token, now, cancellationToken);
            }

            var definition = await EarlierDelivery.DefinitionAsync(client, endpoint, forward.ServiceCode, cancellationToken);
            // Any earlier try (a staff retry included) may have reached the city with its answer lost.
            if (before.FirstAttemptAt is not null && await EarlierDelivery.FindAsync(client, endpoint, record, definition, now, cancellationToken) is { } earlier)
            {
                return Delivered(attempt, earlier, "found at the city from an earlier try whose answer was lost");
            }

            var outcome = await client.PostRequestAsync(endpoint, RemoteRequest.From(record, forward, definition), cancellationToken);
            return outcome switch
            {
                { ServiceRequestId: { } id } => Delivered(attempt, id, null),
                { Token: { } received } => attempt with { State = DeliveryState.WaitingForToken, Token = received, LeaseUntil = null, NextAttemptAt = now + TimeSpan.FromSeconds(30) },
                _ => Delivered(attempt, null, "the city's service is blackbox: it answers with neither an id nor a token"),
            };
        }
        catch (Open311ClientException ex) when (Refusals.Find(ex) is { } refused)
        {
            // The guard refused the city's address (a private network not allowed): no retry will change that.
            return Dead(attempt, refused.Message);
        }
        catch (Open311ClientException ex) when (ex.Transient)
        {
            return Retry(attempt, string.Join("; ", ex.Reasons.DefaultIfEmpty(ex.Message)), ex.RetryAfter, now);
        }
        catch (Open311ClientException ex)
        {
            return Dead(attempt, $"the city refused it: {string.Join("; ", ex.Reasons.DefaultIfEmpty(ex.Message))}");
        }
    }

    private async Task<Delivery> FollowTokenAsync(Open311Endpoint endpoint, Delivery attempt, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await client.GetRequestIdFromTokenAsync(endpoint, token, cancellationToken) is { } id)
        {
            return Delivered(attempt, id, null);
        }

        return now - (attempt.FirstAttemptAt ?? now) > TokenDeadline
            ? Dead(attempt, $"the city has not turned token {token} into a request id within {TokenDeadline.TotalDays:N0} days")
            : attempt with { State = DeliveryState.WaitingForToken, LeaseUntil = null, NextAttemptAt = now + Backoff(attempt.Attempts) };
    }

    private static Delivery Delivered(Delivery attempt, string? remoteId, string? note) =>
        attempt with { State = DeliveryState.Delivered, RemoteRequestId = remoteId, Reason = note, LeaseUntil = null, NextAttemptAt = null, RemoteStatus = Requests.RequestStatus.Open };

    private static StatusNotice Received(IntakeRecord record, DateTimeOffset now) => new()
    {
        Status = Requests.RequestStatus.Open,
        Description = record.Delivery!.RemoteRequestId is { } id ? $"Passed to {record.JurisdictionId}, where it is request {id}." : $"Passed to {record.JurisdictionId}.",
        At = now,
        ServiceRequestId = record.Delivery.RemoteRequestId,
        JurisdictionId = record.JurisdictionId,
        Contact = record.Forward?.Contact ?? Requests.Requester.None,
    };

    private static Delivery Dead(Delivery attempt, string reason) =>
        attempt with { State = DeliveryState.Dead, Reason = reason, LeaseUntil = null, NextAttemptAt = null };

    private static Delivery Retry(Delivery attempt, string reason, TimeSpan? retryAfter, DateTimeOffset now)
    {
        if (attempt.Attempts >= MaxAttempts)
        {
            return Dead(attempt, $"still failing after {attempt.Attempts} attempts: {reason}");
        }

        var wait = Backoff(attempt.Attempts);
        return attempt with { State = DeliveryState.Failed, Reason = reason, LeaseUntil = null, NextAttemptAt = now + (retryAfter > wait ? retryAfter.Value : wait) };
    }

    /// <summary>1, 2, 4 … minutes, at most 6 hours, with up to a fifth of jitter so a city coming back is not stampeded.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var minutes = Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromMinutes(minutes * (1 + (Random.Shared.NextDouble() / 5)));
    }

    private async Task WakeLaterAsync(IntakeRecord record, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(new ForwardMessage(record.IntakeId, record.SourceId, record.ExternalId), delay > TimeSpan.Zero ? delay : null, cancellationToken);
        }
        catch (Protocol.StorageUnavailableException ex)
        {
            logger.LogWarning("Forward {IntakeId}: the retry's wake-up was not sent ({Reason}); the outbox sweep will find it", record.IntakeId, ex.Message);
        }
    }
}
