using System.Globalization;
using System.Text;

namespace Open311.Client;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> bodies of the two writes, field by field as the spec lists them, with
/// the attribute brackets literal as in the spec's example. Empty values are left out (empty equals absent).
/// </summary>
internal static class FormBody
{
    public static string Build(Open311Endpoint endpoint, NewServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ServiceCode, nameof(request));
        if (request.Lat.HasValue != request.Long.HasValue)
        {
            throw new ArgumentException("Lat and Long go together: send both or neither.", nameof(request));
        }

        var fields = new List<KeyValuePair<string, string?>>
        {
            new("api_key", endpoint.ApiKey),
            new("jurisdiction_id", endpoint.JurisdictionId),
            new("service_code", request.ServiceCode.Trim()),
            new("lat", Coordinate(request.Lat, 90)),
            new("long", Coordinate(request.Long, 180)),
            new("address_string", request.AddressString),
            new("address_id", request.AddressId),
            new("email", request.Email),
            new("device_id", request.DeviceId),
            new("account_id", request.AccountId),
            new("first_name", request.FirstName),
            new("last_name", request.LastName),
            new("phone", request.Phone),
            new("description", request.Description),
            new("media_url", request.MediaUrl),
        };

        foreach (var (code, values) in request.Attributes)
        {
            var given = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
            var name = $"attribute[{Uri.EscapeDataString(code)}]";
            if (given.Count == 1)
            {
                fields.Add(new(name, given[0]));
                continue;
            }

            foreach (var value in given)
            {
                fields.Add(new(name + "[]", value));
            }
        }

        return Encode(fields);
    }

    public static string Build(Open311Endpoint endpoint, NewRequestUpdate update)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(update.UpdateId, nameof(update));
        ArgumentException.ThrowIfNullOrWhiteSpace(update.ServiceRequestId, nameof(update));
        ArgumentException.ThrowIfNullOrWhiteSpace(update.Status, nameof(update));

        return Encode(
        [
            new("api_key", endpoint.ApiKey),
            new("jurisdiction_id", endpoint.JurisdictionId),
            new("update_id", update.UpdateId),
            new("service_request_id", update.ServiceRequestId),
            new("status", update.Status.Trim().ToUpperInvariant().Replace(' ', '_')),
            new("updated_datetime", Dates.Format(update.UpdatedAt)),
            new("description", update.Description),
            new("media_url", update.MediaUrl),
            new("email", update.Email),
            new("first_name", update.FirstName),
            new("last_name", update.LastName),
        ]);
    }

    /// <summary>Names go as given (callers escape what needs it); values are percent-escaped.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }

    private static string? Coordinate(double? value, double limit)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (!double.IsFinite(v) || Math.Abs(v) > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(value), v, "A coordinate is outside WGS84 (lat ±90, long ±180).");
        }

        // Seven decimals is about a centimetre; "-0" would look like a typo to a city.
        var text = v.ToString("0.#######", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
