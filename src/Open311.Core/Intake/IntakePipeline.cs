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
        if (previous is { Outcome: IntakeOutcome.Created or IntakeOutcome.Forwarded or IntakeOutcome.Ignored or IntakeOutcome.FollowUp })
        {
            return await AgainAsync(previous, report, now, cancellationToken);
        }

        if (report.RepostOf is { } original)
        {
            return await SaveAsync(Settled(report, now, IntakeOutcome.Ignored, $"A repost of {InputText.Quote(original)}: the original is the report, not this."), previous, cancellationToken);
        }

        if (report.ReplyTo is { } parentId && await records.GetAsync(report.SourceId, parentId, cancellationToken) is { } parent)
        {
            return await FollowUpAsync(report, parent, previous, source, publicBase, now, cancellationToken);
        }

        var (decided, problems) = await DecideAsync(report, previous, source, publicBase, now, cancellationToken);
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

    /// <summary>An edit or a redelivery: the record learns of it (an edit as a note), the request stays the one already made.</summary>
    private async Task<IntakeRecord> AgainAsync(IntakeRecord previous, InboundReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var edited = report.EditedAt is { } at && at != previous.Report?.EditedAt && previous.Report is not null;
        var notes = edited ? [.. previous.Notes, new RequestNote(now, "edited", "Edited by the author", Clip(report.Text))] : previous.Notes;
        var again = await records.SaveAsync(
            previous with
            {
                LastSeenAt = now,
                Deliveries = previous.Deliveries + 1,
                LastDelivery = IntakeOutcome.Duplicate,
                Title = report.Title is { } title ? InputText.Truncate(title, 400) : previous.Title,
                Notes = notes,
                Report = edited ? StoredReport.From(report) : previous.Report,
            },
            cancellationToken);
        logger.LogInformation("Intake {IntakeId} delivered again ({Deliveries}{Edited}); request {ServiceRequestId} unchanged", again.IntakeId, again.Deliveries, edited ? ", edited" : string.Empty, again.ServiceRequestId);
        return again;
    }

    /// <summary>
    /// A reply in a report's thread. The report's own author answering a report that lacked its place: the report is
    /// decided again with the answer as its place words. Anyone else, or a report already settled: a note on it.
    /// </summary>
    private async Task<IntakeRecord> FollowUpAsync(InboundReport reply, IntakeRecord parent, IntakeRecord? previous, SourceSettings source, string? publicBase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var author = reply.Contact.AccountId;
        string reason;
        if (parent.Outcome == IntakeOutcome.NeedsLocation && author is not null && author == parent.Report?.Contact.AccountId)
        {
            var merged = parent.Report!.ToReport(parent.SourceId, parent.ExternalId) with
            {
                AddressText = reply.Text,
                Text = string.Join("\n\n", new[] { parent.Report.Text, reply.Text }.Where(t => !string.IsNullOrWhiteSpace(t))),
                Photos = reply.Photos,
            };
            var decided = await ProcessAsync(merged, source, publicBase, cancellationToken);
            reason = decided.Outcome == IntakeOutcome.NeedsLocation
                ? $"The author's answer in the thread of {parent.IntakeId}; it did not place the report either."
                : $"The author's answer in the thread of {parent.IntakeId}: it placed the report, which is now {decided.Outcome}.";
        }
        else
        {
            await NoteAsync(parent, new RequestNote(now, "reply", $"Reply from {author ?? "someone"}", Clip(reply.Text)), cancellationToken);
            reason = $"A reply in the thread of {parent.IntakeId}: added to it as a note, not a request of its own.";
        }

        return await SaveAsync(Settled(reply, now, IntakeOutcome.FollowUp, reason), previous, cancellationToken);
    }

    /// <summary>A note on a record that others may be writing too: read again and retried on a conflict.</summary>
    private async Task NoteAsync(IntakeRecord record, RequestNote note, CancellationToken cancellationToken)
    {
        for (var race = 1; ; race++)
        {
            try
            {
                await records.SaveAsync(record with { Notes = [.. record.Notes, note] }, cancellationToken);
                return;
            }
            catch (IntakeConflictException) when (race < MaxRaces)
            {
                record = await records.GetAsync(record.SourceId, record.ExternalId, cancellationToken) ?? record;
            }
        }
    }

    /// <summary>The record of a post that is no report of its own (a repost, a reply).</summary>
    private static IntakeRecord Settled(InboundReport report, DateTimeOffset now, string outcome, string reason) => new()
    {
        IntakeId = IntakeRecord.IdOf(report.SourceId, report.ExternalId),
        SourceId = report.SourceId,
        ExternalId = report.ExternalId,
        Title = report.Title is { } title ? InputText.Truncate(title, 400) : null,
        Outcome = outcome,
        Reason = reason,
        FirstSeenAt = now,
        LastSeenAt = now,
        Details = report.PrivateDetails,
        Report = StoredReport.From(report),
    };

    private async Task<IntakeRecord> SaveAsync(IntakeRecord record, IntakeRecord? previous, CancellationToken cancellationToken)
    {
        var saved = await records.SaveAsync(record with { FirstSeenAt = previous?.FirstSeenAt ?? record.FirstSeenAt, Deliveries = (previous?.Deliveries ?? 0) + 1, ETag = previous?.ETag }, cancellationToken);
        logger.LogInformation("Intake {IntakeId}: {Outcome} — {Reason}", saved.IntakeId, saved.Outcome, saved.Reason);
        return saved;
    }

    private static string? Clip(string? text) => text is null ? null : InputText.Truncate(text, 500);

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

    private async Task<(IntakeRecord Record, IReadOnlyList<string> PhotoProblems)> DecideAsync(InboundReport report, IntakeRecord? previous, SourceSettings source, string? publicBase, DateTimeOffset now, CancellationToken cancellationToken)
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
            Details = report.PrivateDetails ?? previous?.Details,
            Report = StoredReport.From(report),
            Notes = previous?.Notes ?? [],
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

        // A report decided again (its author answered where it is; a person placed it) keeps the photos stored the first time.
        var copied = report.Photos.Count == 0
            ? previous is { Photos.Count: > 0 } ? new CopiedPhotos(previous.Photos, null, []) : CopiedPhotos.None
            : await photos.CopyAsync(PhotoFolder(report.SourceId), record.IntakeId, report.Photos, publicBase, cancellationToken);
        record = record with { Photos = copied.Urls };
        var (lat, lon, accuracy, located) = Locate(report, copied.Location);

        // No point, or only one too coarse to use (a social network's "place"): the words may say more.
        if (lat is null || lon is null || accuracy > source.MaxAccuracyMeters)
        {
            var scope = report.JurisdictionId is { } named ? [named] : source.Jurisdictions;
            var place = await places.FindAsync(new Places.PlaceQuestion(report.AddressText, [report.AddressText, report.Title, report.Text], scope, source.StreetLevel), cancellationToken);
            if (place.Place is { } better)
            {
                (lat, lon, accuracy) = (better.Lat, better.Long, better.AccuracyMeters);
                located = FormattableString.Invariant($"Located by {better.Evidence}: {better.Lat:0.#####}, {better.Long:0.#####} (±{better.AccuracyMeters:0} m). ");
            }
            else if (lat is null || lon is null)
            {
                var kept = report.AddressText is { } address ? $" The address text '{InputText.Quote(address)}' is kept for a person to place." : string.Empty;
                var why = place.Reason.Length > 0 ? $" {char.ToUpperInvariant(place.Reason[0])}{place.Reason[1..]}." : string.Empty;
                var reason = why.Length == 0 && kept.Length == 0 ? "The report has no location." : $"No coordinates.{why}{kept}";
                return (record with { Outcome = IntakeOutcome.NeedsLocation, Reason = reason }, copied.Problems);
            }
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
