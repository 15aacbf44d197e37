using System.Text.Json;
using Open311.Core.Protocol;
using Open311.Core.Services;

namespace Open311.Core.Jurisdictions.Documents;

/// <summary>
/// Validates a jurisdiction document and builds the <see cref="Jurisdiction"/> it describes. Every problem is
/// reported with its path (<c>services[2].attributes[0].datatype</c>), all at once.
/// </summary>
public static class JurisdictionDocumentReader
{
    public const int MaxServices = 500;
    public const int MaxAttributes = 100;
    public const int MaxValues = 1000;
    public const int MaxTextLength = 4000;

    public static Jurisdiction Read(JurisdictionDocument doc, string id, List<string> errors)
    {
        if (!InputText.IsIdentifier(id))
        {
            errors.Add("The jurisdiction id must be 1–100 printable characters without / \\ # ?.");
        }

        if (doc.Id is not null && doc.Id != id)
        {
            errors.Add($"id '{InputText.Quote(doc.Id)}' in the body differs from '{InputText.Quote(id)}' in the URL.");
        }

        var name = RequiredText(doc.Name, "name", errors);
        var zone = ReadZone(doc.Timezone, errors);
        var boundary = doc.Boundary is { ValueKind: not JsonValueKind.Null } b ? BoundaryReader.Read(b, errors) : null;
        var remote = doc.Remote is null ? null : ReadRemote(doc.Remote, errors);
        var services = ReadServices(doc.Services ?? [], errors, addExternalId: remote is null);
        CheckText(doc.Contact, "contact", errors);
        CheckText(doc.KeyService, "key_service", errors);

        return new Jurisdiction(
            id,
            name,
            string.IsNullOrWhiteSpace(doc.Tier) ? "city" : doc.Tier.Trim().ToLowerInvariant(),
            zone,
            doc.Contact,
            doc.KeyService,
            boundary is null ? null : new Boundary(boundary),
            services,
            doc.Changeset ?? DateTimeOffset.UnixEpoch,
            remote);
    }

    private static RemoteEndpoint? ReadRemote(RemoteDocument doc, List<string> errors)
    {
        var endpoint = HttpUrl(doc.Endpoint, "remote.endpoint", required: true, errors);
        var discovery = HttpUrl(doc.Discovery, "remote.discovery", required: false, errors);
        var format = (doc.Format ?? "json").Trim().ToLowerInvariant();
        if (format is not ("json" or "xml"))
        {
            errors.Add("remote.format must be json or xml.");
        }

        if (doc.JurisdictionId is not null && !InputText.IsIdentifier(doc.JurisdictionId))
        {
            errors.Add("remote.jurisdiction_id must be 1–100 printable characters.");
        }

        return endpoint is null ? null : new RemoteEndpoint(endpoint, doc.JurisdictionId, doc.ApiKey, format, discovery, doc.SyncedAt);
    }

    private static Uri? HttpUrl(string? text, string path, bool required, List<string> errors)
    {
        if (text is null && !required)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        errors.Add($"{path} must be an absolute http or https URL.");
        return null;
    }

    private static TimeZoneInfo ReadZone(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(text.Trim(), out var zone))
        {
            return zone;
        }

        errors.Add($"timezone '{InputText.Quote(text)}' is not a known IANA time zone (e.g. America/Chicago).");
        return TimeZoneInfo.Utc;
    }

    private static List<Service> ReadServices(List<ServiceDocument> docs, List<string> errors, bool addExternalId)
    {
        if (docs.Count > MaxServices)
        {
            errors.Add($"services lists {docs.Count}; at most {MaxServices} are accepted.");
            return [];
        }

        var services = new List<Service>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            var path = $"services[{i}]";
            var doc = docs[i];
            var code = RequiredCode(doc.ServiceCode, $"{path}.service_code", errors);
            if (code.Length > 0 && !codes.Add(code))
            {
                errors.Add($"{path}.service_code '{InputText.Quote(code)}' is used twice.");
            }

            var type = ServiceType.Realtime;
            if (doc.Type is not null && !ProtocolNames.TryParse(doc.Type, out type))
            {
                errors.Add($"{path}.type must be realtime, batch or blackbox.");
            }

            CheckText(doc.Description, $"{path}.description", errors);
            CheckText(doc.Group, $"{path}.group", errors);
            var attributes = ReadAttributes(doc.Attributes ?? [], path, errors, addExternalId);
            services.Add(new Service(
                code,
                RequiredText(doc.ServiceName, $"{path}.service_name", errors),
                doc.Description,
                type,
                ReadKeywords(doc.Keywords, $"{path}.keywords", errors),
                doc.Group,
                attributes));
        }

        return services;
    }

    private static List<ServiceAttribute> ReadAttributes(List<AttributeDocument> docs, string servicePath, List<string> errors, bool addExternalId)
    {
        if (docs.Count > MaxAttributes)
        {
            errors.Add($"{servicePath}.attributes lists {docs.Count}; at most {MaxAttributes} are accepted.");
            return [];
        }

        var attributes = new List<ServiceAttribute>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var orders = new HashSet<int>();
        for (var i = 0; i < docs.Count; i++)
        {
            var path = $"{servicePath}.attributes[{i}]";
            var doc = docs[i];
            var code = RequiredCode(doc.Code, $"{path}.code", errors);
            if (code.Length > 0 && !codes.Add(code))
            {
                errors.Add($"{path}.code '{InputText.Quote(code)}' is used twice in this service.");
            }

            if (!ProtocolNames.TryParse(doc.Datatype, out AttributeDatatype datatype))
            {
                errors.Add($"{path}.datatype must be one of string, number, datetime, text, singlevaluelist, multivaluelist.");
            }

            var order = doc.Order ?? i + 1;
            if (order < 1)
            {
                errors.Add($"{path}.order must be a positive integer.");
            }
            else if (!orders.Add(order))
            {
                errors.Add($"{path}.order {order} is used by another attribute of this service.");
            }

            var values = ReadValues(doc.Values ?? [], path, errors);
            var isList = datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
            if (isList && values.Count == 0)
            {
                errors.Add($"{path}.values must list the options of a {ProtocolNames.Of(datatype)}.");
            }
            else if (!isList && values.Count > 0)
            {
                errors.Add($"{path}.values are only allowed for singlevaluelist and multivaluelist.");
            }

            CheckText(doc.DatatypeDescription, $"{path}.datatype_description", errors);
            attributes.Add(new ServiceAttribute(
                code,
                doc.Variable ?? true,
                datatype,
                doc.Required ?? false,
                doc.DatatypeDescription,
                order,
                RequiredText(doc.Description, $"{path}.description", errors),
                values));
        }

        if (addExternalId && !codes.Contains(ExternalIdAttribute.Code))
        {
            attributes.Add(ExternalIdAttribute.Create(orders.Count == 0 ? 1 : orders.Max() + 1));
        }

        return attributes.OrderBy(a => a.Order).ToList();
    }

    private static List<AttributeValue> ReadValues(List<AttributeValueDocument> docs, string attributePath, List<string> errors)
    {
        if (docs.Count > MaxValues)
        {
            errors.Add($"{attributePath}.values lists {docs.Count}; at most {MaxValues} are accepted.");
            return [];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<AttributeValue>();
        for (var i = 0; i < docs.Count; i++)
        {
            var path = $"{attributePath}.values[{i}]";
            var key = RequiredCode(docs[i].Key, $"{path}.key", errors);
            if (key.Length > 0 && !keys.Add(key))
            {
                errors.Add($"{path}.key '{InputText.Quote(key)}' is used twice.");
            }

            values.Add(new AttributeValue(key, RequiredText(docs[i].Name, $"{path}.name", errors)));
        }

        return values;
    }

    private static List<string> ReadKeywords(JsonElement? json, string path, List<string> errors)
    {
        IEnumerable<string?> words = json switch
        {
            null or { ValueKind: JsonValueKind.Null } => [],
            { ValueKind: JsonValueKind.String } s => s.GetString()!.Split(','),
            { ValueKind: JsonValueKind.Array } a when a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                => a.EnumerateArray().Select(e => e.GetString()),
            _ => Invalid(),
        };
        var list = words.Select(w => w?.Trim()).OfType<string>().Where(w => w.Length > 0).Distinct().ToList();
        if (list.Any(w => w.Contains(',') || !InputText.IsPlainText(w, allowLineBreaks: false) || w.Length > 100))
        {
            errors.Add($"{path} must be short words or phrases without commas or control characters.");
        }

        return list;

        IEnumerable<string?> Invalid()
        {
            errors.Add($"{path} must be an array of strings or one comma-separated string.");
            return [];
        }
    }

    private static string RequiredCode(string? value, string path, List<string> errors)
    {
        if (!InputText.IsIdentifier(value))
        {
            errors.Add($"{path} is required: 1–100 printable characters, no leading or trailing spaces, none of / \\ # ?.");
            return value ?? string.Empty;
        }

        return value!;
    }

    private static string RequiredText(string? value, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path} is required.");
            return string.Empty;
        }

        CheckText(value, path, errors);
        return value;
    }

    private static void CheckText(string? value, string path, List<string> errors)
    {
        if (value is not null && (value.Length > MaxTextLength || !InputText.IsPlainText(value, allowLineBreaks: true)))
        {
            errors.Add($"{path} must be at most {MaxTextLength} characters of plain text.");
        }
    }
}
