using System.Net.Mail;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Updates;

/// <summary>
/// A validated <c>POST servicerequestupdates</c> form, as FixMyStreet sends it: <c>service_request_id</c>, the client's
/// <c>update_id</c> (or <c>update_id_ext</c>, which FixMyStreet sends with extended updates), <c>status</c> in the extended
/// set, <c>updated_datetime</c>, <c>description</c>; optional <c>media_url</c>, <c>external_status_code</c> and contact.
/// </summary>
public sealed record UpdateSubmission
{
    public required string ServiceRequestId { get; init; }

    public required string ClientUpdateId { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? Description { get; init; }

    public string? MediaUrl { get; init; }

    public string? ExternalStatusCode { get; init; }

    public Requester Contact { get; init; } = Requester.None;

    public static UpdateSubmission Parse(Parameters p, Jurisdiction jurisdiction)
    {
        var errors = new List<string>();
        var requestId = Identifier(p, "service_request_id", errors);
        var updateId = p.Get("update_id") is not null ? Identifier(p, "update_id", errors) : p.Get("update_id_ext") is not null ? Identifier(p, "update_id_ext", errors) : null;
        if (updateId is null && p.Get("update_id") is null && p.Get("update_id_ext") is null)
        {
            errors.Add("update_id is required: your own id for this update, so a repeated POST is recognised.");
        }

        var statusText = p.Get("status");
        if (!ExtendedStatus.TryNormalize(statusText, out var status))
        {
            errors.Add(statusText is null
                ? "status is required."
                : $"status '{InputText.Quote(statusText)}' is not one of {string.Join(", ", ExtendedStatus.All.Select(s => s.ToUpperInvariant()))}.");
        }

        var updatedText = p.Get("updated_datetime");
        var updatedAt = default(DateTimeOffset);
        if (updatedText is null)
        {
            errors.Add("updated_datetime is required.");
        }
        else if (!Open311Time.TryParse(updatedText, jurisdiction.TimeZone, out updatedAt))
        {
            errors.Add($"updated_datetime '{InputText.Quote(updatedText)}' is not a date-time with a time zone, e.g. 2026-01-31T13:45:00Z.");
        }

        var description = Text(p, "description", RequestSubmission.MaxDescriptionLength, errors, allowLineBreaks: true);
        var mediaUrl = p.GetAll("media_url").FirstOrDefault()?.Trim() is { } url ? ReadMediaUrl(url, errors) : null;
        var externalStatus = Text(p, "external_status_code", RequestSubmission.MaxShortText, errors);
        var contact = new Requester(
            Email(p.Get("email"), errors),
            Text(p, "first_name", RequestSubmission.MaxShortText, errors),
            Text(p, "last_name", RequestSubmission.MaxShortText, errors),
            Text(p, "phone", 50, errors),
            null,
            Text(p, "account_id", RequestSubmission.MaxShortText, errors));
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        return new UpdateSubmission
        {
            ServiceRequestId = requestId!,
            ClientUpdateId = updateId!,
            Status = status,
            UpdatedAt = updatedAt,
            Description = description,
            MediaUrl = mediaUrl,
            ExternalStatusCode = externalStatus,
            Contact = contact == Requester.None ? Requester.None : contact,
        };
    }

    private static string? Identifier(Parameters p, string name, List<string> errors)
    {
        var value = p.Get(name);
        if (value is null)
        {
            errors.Add($"{name} is required.");
            return null;
        }

        if (!InputText.IsIdentifier(value))
        {
            errors.Add($"{name} must be 1–100 printable characters without / \\ # ?.");
            return null;
        }

        return value;
    }

    private static string? Text(Parameters p, string name, int max, List<string> errors, bool allowLineBreaks = false)
    {
        var value = p.Get(name);
        if (value is not null && (InputText.Length(value) > max || !InputText.IsPlainText(value, allowLineBreaks)))
        {
            errors.Add($"{name} must be at most {max:N0} characters of plain text.");
            return null;
        }

        return value;
    }

    private static string? Email(string? value, List<string> errors)
    {
        if (value is not null && (value.Length > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value))
        {
            errors.Add("email is not a valid e-mail address.");
            return null;
        }

        return value;
    }

    private static string? ReadMediaUrl(string value, List<string> errors)
    {
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("media_url must be an absolute http or https URL.");
            return null;
        }

        return uri.AbsoluteUri;
    }
}
