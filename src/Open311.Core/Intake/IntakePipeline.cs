using Microsoft.Extensions.Logging;
using Open311.Core.Forwarding;
using Open311.Core.Jurisdictions;
using Open311.Core.Media;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Intake;

/// <summary>
/// What every connector shares: dedupe → keep (raw payload, photos) → locate → classify → route → dispatch, and an
/// intake record for every report. A report already handled (same source and external id, by webhook, poll or retry)
/// never becomes a second request, and its photos are not fetched again: the request's dedupe row is written in the
/// same transaction as the request itself.
/// </summary>
public sealed class IntakePipeline(
    JurisdictionRegistry registry,
    IRequestStore requests,
    IIntakeStore records,
    IWorkQueue queue,
    IPhotoCopier photos,
    IMediaStore media,
    Places.PlaceFinder places,
    TimeProvider time,
    ILogger<IntakePipeline> logger)
{
    public const int MaxRaces = 4;

    /// <param name="publicBase">Our <c>https://host/open311</c>, for the links to copied photos; null when unknown.</param>
    public async Task<IntakeRecord> ProcessAsync(InboundReport report, SourceSettings source, string? publicBase, CancellationToken cancellationToken)
    {
        // Every write of the record is conditional: a webhook and a poll carrying the same report at once both read
        // "new", but only one can add the record; the other reads it again and is a redelivery.
        for (var race = 1; ; race++)
        {
            try
            {
                return await ProcessOnceAsync(report, source, publicBase, cancellationToken);
            }
            catch (IntakeConflictException) when (race < MaxRaces)
            {
                logger.LogInformation("Intake {IntakeId} changed under this delivery; reading it again", IntakeRecord.IdOf(report.SourceId, report.ExternalId));
            }
        }
    }

    private async Task<IntakeRecord> ProcessOnceAsync(InboundReport report, SourceSettings source, string? publicBase, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var previous = await records.GetAsync(report.SourceId, report.ExternalId, cancellationToken);
        if (previous is { Outcome: IntakeOutcome.Created or IntakeOutcome.Forwarded })
        {
            // An edit or a redelivery: the record learns of it, the request stays the one already made.
            var again = await records.SaveAsync(previous with { LastSeenAt = now, Deliveries = previous.Deliveries + 1, LastDelivery = IntakeOutcome.Duplicate, Title = report.Title ?? previous.Title }, cancellationToken);
            logger.LogInformation("Intake {IntakeId} delivered again ({Deliveries}); request {ServiceRequestId} unchanged", again.IntakeId, again.Deliveries, again.ServiceRequestId);
            return again;
        }

        var (decided, problems) = await DecideAsync(report, source, publicBase, now, cancellationToken);
        var record = await records.SaveAsync(
            decided with
            {
                FirstSeenAt = previous?.FirstSeenAt ?? now,
                Deliveries = (previous?.Deliveries ?? 0) + 1,
                Reason = string.Join(" ", new[] { decided.Reason }.Concat(report.Notes).Concat(problems.Select(p => char.ToUpperInvariant(p[0]) + p[1..] + "."))),
                ETag = previous?.ETag,
            },
            cancellationToken);
        logger.LogInformation("Intake {IntakeId}: {Outcome} — {Reason}", record.IntakeId, record.Outcome, record.Reason);
        if (record.Delivery is { State: Forwarding.DeliveryState.Queued })
        {
            await WakeAsync(record, cancellationToken);
        }

        return record;
    }

    /// <summary>The queue only wakes a worker; if it cannot be reached now the outbox sweep finds the record later.</summary>
    private async Task WakeAsync(IntakeRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(new ForwardMessage(record.IntakeId, record.SourceId, record.ExternalId), null, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning("Intake {IntakeId} is queued in its record but the wake-up was not sent ({Reason}); the outbox sweep will find it", record.IntakeId, ex.Message);
        }
    }

    private async Task<(IntakeRecord Record, IReadOnlyList<string> PhotoProblems)> DecideAsync(InboundReport report, SourceSettings source, string? publicBase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = new IntakeRecord
        {
            IntakeId = IntakeRecord.IdOf(report.SourceId, report.ExternalId),
            SourceId = report.SourceId,
            ExternalId = report.ExternalId,
            Title = report.Title is { } title ? InputText.Truncate(title, 400) : null,
            Outcome = IntakeOutcome.Rejected,
            Reason = string.Empty,
            FirstSeenAt = now,
            LastSeenAt = now,
            Details = report.PrivateDetails,
        };

        if (report.Raw is { } raw)
        {
            var name = $"{StorageName(record.IntakeId)}.{raw.Extension}";
            await media.SaveAsAsync(RawFolder(report.SourceId), name, raw.Content, raw.ContentType, cancellationToken);
            record = record with { Raw = $"{RawFolder(report.SourceId)}/{name}" };
        }

        if (report.Problem is { } problem)
        {
            return (record with { Reason = problem }, []);
        }

        if (string.IsNullOrWhiteSpace(report.Title) && string.IsNullOrWhiteSpace(report.Text))
        {
            return (record with { Reason = "The report has neither a title nor a text." }, []);
        }

        var copied = report.Photos.Count == 0
            ? CopiedPhotos.None
            : await photos.CopyAsync(PhotoFolder(report.SourceId), record.IntakeId, report.Photos, publicBase, cancellationToken);
        record = record with { Photos = copied.Urls };
        var (lat, lon, accuracy, located) = Locate(report, copied.Location);
        if (lat is null || lon is null)
        {
            var scope = report.JurisdictionId is { } named ? [named] : source.Jurisdictions;
            var place = await places.FindAsync(new Places.PlaceQuestion(report.AddressText, [report.AddressText, report.Title, report.Text], scope, source.StreetLevel), cancellationToken);
            if (place.Place is not { } found)
            {
                var kept = report.AddressText is { } address ? $" The address text '{InputText.Quote(address)}' is kept for a person to place." : string.Empty;
                var why = place.Reason.Length > 0 ? $" {char.ToUpperInvariant(place.Reason[0])}{place.Reason[1..]}." : string.Empty;
                var reason = why.Length == 0 && kept.Length == 0 ? "The report has no location." : $"No coordinates.{why}{kept}";
                return (record with { Outcome = IntakeOutcome.NeedsLocation, Reason = reason }, copied.Problems);
            }

            (lat, lon, accuracy) = (found.Lat, found.Long, found.AccuracyMeters);
            located = FormattableString.Invariant($"Located by {found.Evidence}: {found.Lat:0.#####}, {found.Long:0.#####} (±{found.AccuracyMeters:0} m). ");
        }

        if (accuracy > source.MaxAccuracyMeters)
        {
            return (record with { Outcome = IntakeOutcome.NeedsLocation, Reason = $"The location is only known to ±{accuracy:N0} m (the source allows ±{source.MaxAccuracyMeters:N0} m)." }, copied.Problems);
        }

        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var decision = Classification.Decide(snapshot.Index, report with { Lat = lat, Long = lon }, source);
        if (!decision.Routed)
        {
            return (record with { Outcome = IntakeOutcome.Unroutable, Reason = located + decision.Reason }, copied.Problems);
        }

        var jurisdiction = decision.Jurisdiction!;
        var service = decision.Service!;
        record = record with { JurisdictionId = jurisdiction.Id, ServiceCode = service.Code };
        var description = Description(report);
        if (!jurisdiction.Hosted)
        {
            var forward = new ForwardPayload
            {
                ServiceCode = service.Code,
                Lat = lat,
                Long = lon,
                Address = report.AddressText is { } addressText ? InputText.Truncate(addressText, RequestSubmission.MaxShortText * 2) : null,
                Description = description,
                MediaUrls = copied.Urls,
                Contact = report.Contact,
            };
            var queued = new Delivery { State = Forwarding.DeliveryState.Queued, NextAttemptAt = now };
            return (record with { Outcome = IntakeOutcome.Forwarded, Forward = forward, Delivery = queued, Reason = $"Queued for {jurisdiction.Remote!.Endpoint}. {located}{decision.Reason}" }, copied.Problems);
        }

        var notes = new List<RequestNote> { new(now, "opened", $"Received from {report.SourceId}", report.Url) };
        if (copied.Urls.Count > 1)
        {
            notes.Add(new RequestNote(now, "activity", "More photos", string.Join("\n", copied.Urls.Skip(1))));
        }

        var outcome = await requests.CreateAsync(
            new ServiceRequest
            {
                Id = string.Empty,
                JurisdictionId = jurisdiction.Id,
                ServiceCode = service.Code,
                ServiceName = service.Name,
                Status = RequestStatus.Open,
                Description = description,
                RequestedAt = report.ReceivedAt == default ? now : report.ReceivedAt,
                UpdatedAt = now,
                Lat = lat,
                Long = lon,
                Address = report.AddressText is { } a ? InputText.Truncate(a, RequestSubmission.MaxShortText * 2) : null,
                MediaUrl = copied.Urls.FirstOrDefault(),
                ExternalId = record.IntakeId,
                Private = service.Type == Services.ServiceType.Blackbox,
                Notes = notes,
                Requester = report.Contact,
            },
            cancellationToken);
        var created = record with
        {
            Outcome = IntakeOutcome.Created,
            ServiceRequestId = outcome.Request.Id,
            Reason = (outcome.Duplicate ? "Request found from an earlier delivery. " : string.Empty) + located + decision.Reason,
        };
        return (created, copied.Problems);
    }

    /// <summary>The report's own point, else the first photo's GPS (the camera's stated error, else ±30 m), with the evidence.</summary>
    private static (double? Lat, double? Long, double? Accuracy, string Evidence) Locate(InboundReport report, PhotoLocation? photo)
    {
        if (report.Lat is { } lat && report.Long is { } lon)
        {
            return (lat, lon, report.AccuracyMeters, string.Empty);
        }

        return photo is null
            ? (null, null, null, string.Empty)
            : (photo.Lat, photo.Long, photo.ErrorMeters ?? 30, FormattableString.Invariant($"Located by the GPS position in photo {photo.Photo} ({photo.Lat:0.#####}, {photo.Long:0.#####}). "));
    }

    /// <summary>Title, text and link as one description, cut at the spec's 4,000 characters (code points).</summary>
    private static string Description(InboundReport report)
    {
        var captions = report.Photos.Select(p => p.Caption).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => $"[Photo: {c!.Trim()}]");
        var text = string.Join("\n\n", new[] { report.Title, report.Text, string.Join("\n", captions), report.Url }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var clean = new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());
        return InputText.Truncate(clean, RequestSubmission.MaxDescriptionLength);
    }

    public static string PhotoFolder(string sourceId) => $"src-{sourceId}";

    public static string RawFolder(string sourceId) => $"raw-{sourceId}";

    /// <summary>A storage-safe name for an intake id: the same report always gets the same name.</summary>
    public static string StorageName(string intakeId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(intakeId)))[..24];
}
