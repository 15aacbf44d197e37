using Open311.Core.Protocol;

namespace Open311.Core.Requests;

/// <summary>
/// A staff change to a request (manage API PATCH body). A member left out or null keeps its value; an empty
/// string clears it. Every change is recorded in the request's notes.
/// </summary>
public sealed class RequestUpdate
{
    /// <summary><c>open</c>, <c>closed</c>, or an extended status (<c>in_progress</c>, <c>fixed</c>…) that implies one of them.</summary>
    public string? Status { get; set; }

    public string? StatusNotes { get; set; }

    public string? AgencyResponsible { get; set; }

    /// <summary>ISO 8601 with a time zone, or empty to clear.</summary>
    public string? ExpectedDatetime { get; set; }

    /// <summary>A note to colleagues, kept in the history as an internal note: never public.</summary>
    public string? Note { get; set; }

    /// <param name="by">Who makes the change, written into each history entry it adds.</param>
    public ServiceRequest ApplyTo(ServiceRequest request, DateTimeOffset now, string? by = null)
    {
        var errors = new List<string>();
        string? extended = null;
        if (Status is not null && !Updates.ExtendedStatus.TryNormalize(Status, out extended))
        {
            errors.Add($"status must be open, closed or one of the extended statuses: {string.Join(", ", Updates.ExtendedStatus.All)}.");
        }

        var expected = request.ExpectedAt;
        if (ExpectedDatetime is not null)
        {
            if (ExpectedDatetime.Length == 0)
            {
                expected = null;
            }
            else if (Open311Time.TryParse(ExpectedDatetime, TimeZoneInfo.Utc, out var parsed))
            {
                expected = parsed;
            }
            else
            {
                errors.Add("expected_datetime must be an ISO 8601 date-time with a time zone.");
            }
        }

        CheckText(StatusNotes, "status_notes", RequestSubmission.MaxDescriptionLength, errors);
        CheckText(AgencyResponsible, "agency_responsible", RequestSubmission.MaxShortText, errors);
        CheckText(Note, "note", RequestSubmission.MaxDescriptionLength, errors);
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        var notes = request.Notes.ToList();
        var newStatus = extended is null ? request.Status : Updates.ExtendedStatus.Plain(extended);
        var newExtended = extended is null ? request.ExtendedStatus : Detail(extended);
        if (newStatus != request.Status)
        {
            notes.Add(new RequestNote(now, newStatus == RequestStatus.Closed ? "closed" : "reopened", $"Status changed to {newExtended ?? newStatus}", Clear(StatusNotes), by));
        }
        else if (newExtended != request.ExtendedStatus)
        {
            notes.Add(new RequestNote(now, "activity", $"Status changed to {newExtended ?? newStatus}", Clear(StatusNotes), by));
        }
        else if (StatusNotes is not null && StatusNotes != request.StatusNotes)
        {
            notes.Add(new RequestNote(now, "activity", "Status notes updated", Clear(StatusNotes), by));
        }

        if (expected != request.ExpectedAt)
        {
            notes.Add(new RequestNote(now, "activity", expected is { } at ? $"Expected by {Open311Time.Format(at)}" : "Expected date cleared", null, by));
        }

        if (AgencyResponsible is not null && Clear(AgencyResponsible) != request.AgencyResponsible)
        {
            notes.Add(new RequestNote(now, "activity", Clear(AgencyResponsible) is { } agency ? $"Assigned to {agency}" : "Agency cleared", null, by));
        }

        if (!string.IsNullOrWhiteSpace(Note))
        {
            notes.Add(new RequestNote(now, RequestNote.Internal, "Internal note", Note.Trim(), by));
        }

        return request with
        {
            Status = newStatus,
            ExtendedStatus = newExtended,
            StatusNotes = StatusNotes is null ? request.StatusNotes : Clear(StatusNotes),
            AgencyResponsible = AgencyResponsible is null ? request.AgencyResponsible : Clear(AgencyResponsible),
            ExpectedAt = expected,

            // For a closed request updated_datetime is the close time: later edits of a closed request keep it.
            UpdatedAt = newStatus == RequestStatus.Closed && request.Status == RequestStatus.Closed ? request.UpdatedAt : now,
            Notes = notes,
        };
    }

    /// <summary>The extended status worth keeping beside the plain one: none for open, closed and reopen.</summary>
    public static string? Detail(string extended) => extended is RequestStatus.Open or RequestStatus.Closed or "reopen" ? null : extended;

    private static string? Clear(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void CheckText(string? value, string name, int max, List<string> errors)
    {
        if (value is not null && (value.Length > max || !InputText.IsPlainText(value, allowLineBreaks: true)))
        {
            errors.Add($"{name} must be at most {max:N0} characters of plain text.");
        }
    }
}
