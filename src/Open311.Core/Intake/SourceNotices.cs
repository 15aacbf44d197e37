using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Core.Updates;

namespace Open311.Core.Intake;

/// <summary>
/// Passes every status change of a report's request back to the source it came from, through its connector (the
/// write-back to a crisis map, an e-mail to the sender). A notice that fails stays on the intake record and is tried again
/// by the status job, up to <see cref="MaxAttempts"/>; what happened is a note on the record either way.
/// </summary>
public sealed class SourceNotices(IIntakeStore records, ISourceStore sources, ConnectorCatalog connectors, ILogger<SourceNotices> logger)
{
    public const int MaxAttempts = 10;
    private const int MaxRaces = 4;
    private const int NoteLength = 500;

    /// <summary>A request of ours changed: if a report became it, its source hears of it.</summary>
    public async Task RequestChangedAsync(ServiceRequest request, StatusUpdate update, CancellationToken cancellationToken)
    {
        if (!IntakeRecord.TryParseId(request.ExternalId, out var sourceId, out var externalId)
            || await records.GetAsync(sourceId, externalId, cancellationToken) is not { } record)
        {
            return;
        }

        var notice = new StatusNotice
        {
            Status = update.Status,
            Description = update.Description,
            At = update.UpdatedAt,
            ServiceRequestId = request.Id,
            JurisdictionId = request.JurisdictionId,
            Contact = request.Requester,
        };
        await PassOnAsync(record, notice, cancellationToken);
    }

    /// <summary>Tells the record's source of <paramref name="notice"/> and notes the outcome; returns the record as saved.</summary>
    public async Task<IntakeRecord> PassOnAsync(IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken)
    {
        var (note, pending) = await TellAsync(record, notice, cancellationToken);
        for (var race = 1; ; race++)
        {
            try
            {
                var notes = note is null ? record.Notes : [.. record.Notes, note];
                return await records.SaveAsync(record with { Notes = notes, PendingNotice = pending }, cancellationToken);
            }
            catch (IntakeConflictException) when (race < MaxRaces)
            {
                record = await records.GetAsync(record.SourceId, record.ExternalId, cancellationToken) ?? record;
            }
        }
    }

    /// <summary>Tries every notice still pending again; returns how many were tried.</summary>
    public async Task<int> RetryPendingAsync(int max, CancellationToken cancellationToken)
    {
        var waiting = await records.ListWithPendingNoticeAsync(max, cancellationToken);
        foreach (var record in waiting)
        {
            await PassOnAsync(record, record.PendingNotice!, cancellationToken);
        }

        return waiting.Count;
    }

    private async Task<(RequestNote? Note, StatusNotice? Pending)> TellAsync(IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken)
    {
        var now = notice.At;
        var json = await sources.GetAsync(record.SourceId, cancellationToken);
        var source = json is null ? null : DocumentJson.Read<SourceDocument>(json, out _);
        if (source is null || connectors.Find(source.Type) is not { } connector)
        {
            return (null, null);
        }

        var attempt = notice with { Attempts = notice.Attempts + 1 };
        try
        {
            var done = await connector.PassOnStatusAsync(source, record, attempt, cancellationToken);
            return (done is null ? null : new RequestNote(now, "notice", Cut($"Status {notice.Status}: {done}"), null), null);
        }
        catch (SourceNoticeException ex)
        {
            logger.LogWarning("Status {Status} of {IntakeId} not passed to its source (try {Attempt}): {Reason}", notice.Status, record.IntakeId, attempt.Attempts, ex.Message);
            return attempt.Attempts >= MaxAttempts
                ? (new RequestNote(now, "notice", Cut($"Status {notice.Status} not passed on after {attempt.Attempts} tries: {ex.Message}"), null), null)
                : (record.PendingNotice is null ? new RequestNote(now, "notice", Cut($"Status {notice.Status} not passed on yet: {ex.Message}"), null) : null, attempt);
        }
    }

    private static string Cut(string text) => InputText.Truncate(text, NoteLength);
}
