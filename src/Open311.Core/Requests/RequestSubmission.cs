using System.Net.Mail;
using System.Security.Cryptography;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Services;

namespace Open311.Core.Requests;

/// <summary>
/// Validates a POST Service Request form against the jurisdiction and the service definition and builds the
/// request to store. Every problem found is reported in one answer.
/// </summary>
public static class RequestSubmission
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxShortText = 200;

    public static (Service Service, ServiceRequest Draft) Parse(Parameters p, Jurisdiction jurisdiction, DateTimeOffset now)
    {
        var code = p.Get("service_code") ?? throw Open311Exception.BadRequest("service_code is required.");
        var service = jurisdiction.FindService(code)
            ?? throw Open311Exception.NotFound($"service_code '{InputText.Quote(code)}' not found in {jurisdiction.Name}.");

        var errors = new List<string>();
        var (lat, lon) = ReadPoint(p, jurisdiction, errors);
        var address = Text(p, "address_string", MaxShortText * 2, errors);
        var addressId = Text(p, "address_id", MaxShortText, errors);
        if (lat is null && address is null && addressId is null && !errors.Any(e => e.Contains("lat", StringComparison.Ordinal)))
        {
            errors.Add("A location is required: lat and long, address_string or address_id.");
        }

        var description = Text(p, "description", MaxDescriptionLength, errors, allowLineBreaks: true);
        var mediaUrl = ReadMediaUrl(p.Get("media_url"), errors);
        var requester = new Requester(
            ReadEmail(p.Get("email"), errors),
            Text(p, "first_name", MaxShortText, errors),
            Text(p, "last_name", MaxShortText, errors),
            Text(p, "phone", 50, errors),
            Text(p, "device_id", MaxShortText, errors),
            Text(p, "account_id", MaxShortText, errors));
        var attributes = AttributeParser.Parse(p, service, errors, jurisdiction.TimeZone);
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        var externalId = attributes.FirstOrDefault(a => a.Code == ExternalIdAttribute.Code)?.Values[0];
        if (externalId is not null && !InputText.IsIdentifier(externalId))
        {
            throw Open311Exception.BadRequest($"attribute[{ExternalIdAttribute.Code}] must be 1–100 printable characters without / \\ # ?.");
        }

        var draft = new ServiceRequest
        {
            Id = string.Empty,
            JurisdictionId = jurisdiction.Id,
            ServiceCode = service.Code,
            ServiceName = service.Name,
            Status = RequestStatus.Open,
            Description = description,
            RequestedAt = now,
            UpdatedAt = now,
            Address = address,
            AddressId = addressId,
            Lat = lat,
            Long = lon,
            MediaUrl = mediaUrl,
            Token = service.Type == ServiceType.Batch ? NewToken() : null,
            Private = service.Type == ServiceType.Blackbox,
            ExternalId = externalId,
            Attributes = attributes.Where(a => a.Code != ExternalIdAttribute.Code).ToList(),
            Notes = [new RequestNote(now, "opened", "Request received", null)],
            Requester = requester,
        };
        return (service, draft);
    }

    private static (double? Lat, double? Long) ReadPoint(Parameters p, Jurisdiction jurisdiction, List<string> errors)
    {
        var latText = p.Get("lat");
        var longText = p.Get("long");
        if (latText is null && longText is null)
        {
            return (null, null);
        }

        if (latText is null || longText is null)
        {
            errors.Add("lat and long must be sent together.");
            return (null, null);
        }

        var latOk = Coordinates.TryParse(latText, 90, out var lat);
        var longOk = Coordinates.TryParse(longText, 180, out var lon);
        if (!latOk)
        {
            errors.Add("lat must be a number from -90 to 90 (WGS84 decimal degrees).");
        }

        if (!longOk)
        {
            errors.Add("long must be a number from -180 to 180 (WGS84 decimal degrees).");
        }

        if (!latOk || !longOk)
        {
            return (null, null);
        }

        if (jurisdiction.Boundary is { } boundary && !boundary.Covers(lat, lon))
        {
            var swapped = Math.Abs(lon) <= 90 && boundary.Covers(lon, lat);
            errors.Add(swapped
                ? $"lat {latText}, long {longText} is outside {jurisdiction.Name}, but the swapped point is inside: lat and long look swapped."
                : $"lat {latText}, long {longText} is outside the boundary of {jurisdiction.Name}.");
            return (null, null);
        }

        return (lat, lon);
    }

    private static string? Text(Parameters p, string name, int maxLength, List<string> errors, bool allowLineBreaks = false)
    {
        var value = p.Get(name);
        if (value is null)
        {
            return null;
        }

        // Characters as JSON Schema's maxLength counts them (code points): an emoji is one, not two.
        var length = InputText.Length(value);
        if (length > maxLength)
        {
            errors.Add($"{name} must be at most {maxLength:N0} characters (got {length:N0}).");
            return null;
        }

        if (!InputText.IsPlainText(value, allowLineBreaks))
        {
            errors.Add(allowLineBreaks ? $"{name} contains control characters." : $"{name} must be one line of text without control characters.");
            return null;
        }

        return value;
    }

    private static string? ReadEmail(string? value, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value)
        {
            errors.Add("email is not a valid e-mail address.");
            return null;
        }

        return value;
    }

    private static string? ReadMediaUrl(string? value, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("media_url must be an absolute http or https URL.");
            return null;
        }

        // An international domain in its ASCII form, as URI validators expect.
        return new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
