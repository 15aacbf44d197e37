using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Intake;

/// <summary>
/// What every connector shares: dedupe → locate → classify → route → dispatch, and an intake record for every report.
/// A report already handled (same source and external id, by webhook, poll or retry) never becomes a second request:
/// the request's dedupe row is written in the same transaction as the request itself.
/// </summary>
public sealed class IntakePipeline(
    JurisdictionRegistry registry,
    IRequestStore requests,
    IIntakeStore records,
    IWorkQueue queue,
    TimeProvider time,
    ILogger<IntakePipeline> logger)
{
    public async Task<IntakeRecord> ProcessAsync(InboundReport report, SourceSettings source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var previous = await records.GetAsync(report.SourceId, report.ExternalId, cancellationToken);
        if (previous is { Outcome: IntakeOutcome.Created or IntakeOutcome.Forwarded })
        {
            // An edit or a redelivery: the record learns of it, the request stays the one already made.
            var again = previous with { LastSeenAt = now, Deliveries = previous.Deliveries + 1, LastDelivery = IntakeOutcome.Duplicate, Title = report.Title ?? previous.Title };
            await records.SaveAsync(again, cancellationToken);
            logger.LogInformation("Intake {IntakeId} delivered again ({Deliveries}); request {ServiceRequestId} unchanged", again.IntakeId, again.Deliveries, again.ServiceRequestId);
            return again;
        }

        var record = await DecideAsync(report, source, now, cancellationToken) with
        {
            FirstSeenAt = previous?.FirstSeenAt ?? now,
            Deliveries = (previous?.Deliveries ?? 0) + 1,
        };
        await records.SaveAsync(record, cancellationToken);
        logger.LogInformation("Intake {IntakeId}: {Outcome} — {Reason}", record.IntakeId, record.Outcome, record.Reason);
        return record;
    }

    private async Task<IntakeRecord> DecideAsync(InboundReport report, SourceSettings source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = new IntakeRecord
        {
            IntakeId = IntakeRecord.IdOf(report.SourceId, report.ExternalId),
            SourceId = report.SourceId,
            ExternalId = report.ExternalId,
            Title = report.Title,
            Outcome = IntakeOutcome.Rejected,
            Reason = string.Empty,
            FirstSeenAt = now,
            LastSeenAt = now,
        };

        if (string.IsNullOrWhiteSpace(report.Title) && string.IsNullOrWhiteSpace(report.Text))
        {
            return record with { Reason = "The report has neither a title nor a text." };
        }

        if (report.Lat is not { } lat || report.Long is not { } lon)
        {
            return record with { Outcome = IntakeOutcome.NeedsLocation, Reason = report.AddressText is { } address ? $"No coordinates; the address text '{InputText.Quote(address)}' is kept for a person to place." : "The report has no location." };
        }

        if (report.AccuracyMeters > source.MaxAccuracyMeters)
        {
            return record with { Outcome = IntakeOutcome.NeedsLocation, Reason = $"The location is only known to ±{report.AccuracyMeters:N0} m (the source allows ±{source.MaxAccuracyMeters:N0} m)." };
        }

        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var decision = Classification.Decide(snapshot.Index, report, source);
        if (!decision.Routed)
        {
            return record with { Outcome = IntakeOutcome.Unroutable, Reason = decision.Reason };
        }

        var jurisdiction = decision.Jurisdiction!;
        var service = decision.Service!;
        record = record with { JurisdictionId = jurisdiction.Id, ServiceCode = service.Code };
        var description = Description(report);
        if (!jurisdiction.Hosted)
        {
            await queue.EnqueueAsync(new ForwardMessage(record.IntakeId, jurisdiction.Id, service.Code, lat, lon, description, report.MediaUrls.FirstOrDefault(), report.AddressText, record.IntakeId), cancellationToken);
            return record with { Outcome = IntakeOutcome.Forwarded, Reason = $"Queued for {jurisdiction.Remote!.Endpoint}. {decision.Reason}" };
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
                Address = report.AddressText is { Length: <= 400 } a ? a : null,
                MediaUrl = report.MediaUrls.FirstOrDefault(),
                ExternalId = record.IntakeId,
                Private = service.Type == Services.ServiceType.Blackbox,
                Notes = [new RequestNote(now, "opened", $"Received from {report.SourceId}", report.Url)],
                Requester = report.Contact,
            },
            cancellationToken);
        return record with
        {
            Outcome = IntakeOutcome.Created,
            ServiceRequestId = outcome.Request.Id,
            Reason = (outcome.Duplicate ? "Request found from an earlier delivery. " : string.Empty) + decision.Reason,
        };
    }

    /// <summary>Title and text as one description, cut at the spec's 4,000 characters.</summary>
    private static string Description(InboundReport report)
    {
        var text = string.Join("\n\n", new[] { report.Title, report.Text, report.Url }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var clean = new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());
        return clean.Length <= RequestSubmission.MaxDescriptionLength ? clean : clean[..(RequestSubmission.MaxDescriptionLength - 1)] + "…";
    }
}
