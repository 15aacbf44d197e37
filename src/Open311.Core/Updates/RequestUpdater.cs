using Microsoft.Extensions.Logging;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Updates;

/// <summary>
/// Every change of a request's status goes through here — a staff PATCH or a client's <c>POST servicerequestupdates</c>
/// — so each becomes one entry of the update feed, written in the same transaction as the request, and is passed to
/// the source the report came from.
/// </summary>
public sealed class RequestUpdater(IRequestStore store, SourceNotices notices, TimeProvider time, ILogger<RequestUpdater> logger)
{
    public const int MaxRaces = 5;

    /// <summary>A client's update, applied once per update id: a repeat answers with the update already made.</summary>
    public async Task<StatusUpdate> PostAsync(Jurisdiction jurisdiction, string keyId, UpdateSubmission submission, CancellationToken cancellationToken)
    {
        var clientId = $"{keyId}|{submission.ClientUpdateId}";
        if (await store.FindUpdateAsync(jurisdiction.Id, clientId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        for (var race = 1; ; race++)
        {
            var stored = await store.GetAsync(jurisdiction.Id, submission.ServiceRequestId, cancellationToken) is { Request.Private: false } found
                ? found
                : throw Open311Exception.NotFound($"service_request_id '{InputText.Quote(submission.ServiceRequestId)}' not found.");
            var now = time.GetUtcNow();
            var (after, update) = Apply(stored.Request, submission.Status, submission.Description, submission.UpdatedAt, now, $"key {keyId}");
            update = update with { MediaUrl = submission.MediaUrl, ExternalStatusCode = submission.ExternalStatusCode, ClientUpdateId = clientId, Contact = submission.Contact };
            try
            {
                await store.ReplaceAsync(stored.Request, after, stored.ETag, update, cancellationToken);
            }
            catch (UpdateExistsException ex)
            {
                return ex.Earlier;
            }
            catch (Open311Exception ex) when (ex.Status == 412 && race < MaxRaces)
            {
                continue;
            }

            logger.LogInformation("Request {ServiceRequestId} in {Jurisdiction}: update {UpdateId} ({Status}) from key {KeyId}", after.Id, jurisdiction.Id, update.UpdateId, update.Status, keyId);
            await notices.RequestChangedAsync(after, update, cancellationToken);
            return update;
        }
    }

    /// <summary>A staff change (manage API PATCH): a change of status or status notes is also an update.</summary>
    /// <param name="by">The staff member making it, named in the history.</param>
    public async Task<StoredRequest> ChangeAsync(StoredRequest stored, RequestUpdate change, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = stored.Request;
        var after = change.ApplyTo(before, now, by);
        StatusUpdate? update = null;
        if (after.Status != before.Status || after.ExtendedStatus != before.ExtendedStatus || after.StatusNotes != before.StatusNotes)
        {
            update = NewUpdate(after, after.ExtendedStatus ?? after.Status, after.StatusNotes, now, now, "staff");
            after = after with { UpdateCount = after.UpdateCount + 1 };
        }

        var saved = await store.ReplaceAsync(before, after, stored.ETag, update, cancellationToken);
        if (update is not null)
        {
            await notices.RequestChangedAsync(saved.Request, update, cancellationToken);
        }

        return saved;
    }

    /// <summary>The request after an update to <paramref name="status"/>, and the update's feed entry.</summary>
    public static (ServiceRequest After, StatusUpdate Update) Apply(ServiceRequest request, string status, string? description, DateTimeOffset updatedAt, DateTimeOffset now, string origin)
    {
        var plain = ExtendedStatus.Plain(status);
        var type = plain == request.Status ? "activity" : plain == RequestStatus.Closed ? "closed" : "reopened";
        var after = request with
        {
            Status = plain,
            ExtendedStatus = RequestUpdate.Detail(status),

            // For a closed request updated_datetime is the close time, as for a staff change.
            UpdatedAt = plain == RequestStatus.Closed && request.Status == RequestStatus.Closed ? request.UpdatedAt : now,
            UpdateCount = request.UpdateCount + 1,
            Notes = [.. request.Notes, new RequestNote(now, type, $"Update from {origin}: {status}", description)],
        };
        return (after, NewUpdate(request, status, description, updatedAt, now, origin));
    }

    private static StatusUpdate NewUpdate(ServiceRequest request, string status, string? description, DateTimeOffset updatedAt, DateTimeOffset now, string origin) => new()
    {
        UpdateId = $"{request.Id}-{request.UpdateCount + 1}",
        ServiceRequestId = request.Id,
        JurisdictionId = request.JurisdictionId,
        Status = status,
        Description = description,
        UpdatedAt = updatedAt,
        RecordedAt = now,
        Origin = origin,
        Private = request.Private,
    };
}
