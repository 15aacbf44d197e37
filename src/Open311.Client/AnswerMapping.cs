using System.Globalization;

namespace Open311.Client;

/// <summary>Records of the neutral tree to models, tolerant of the types and shapes real cities send.</summary>
internal static class AnswerMapping
{
    /// <summary>An endpoint of a discovery document; null without an absolute http(s) address.</summary>
    public static RemoteDiscoveryEndpoint? DiscoveryEndpoint(Node node) =>
        Uri.TryCreate(node.Text("url"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new RemoteDiscoveryEndpoint
            {
                Specification = node.Text("specification"),
                Url = url,
                Changeset = Dates.Parse(node.Text("changeset")),
                Type = node.Text("type")?.ToLowerInvariant(),
                Formats = (node.Field("formats")?.Records("format") ?? []).Select(f => f.Value).OfType<string>().ToList(),
            }
            : null;

    public static RemoteService? Service(Node node)
    {
        if (node.Text("service_code") is not { } code)
        {
            return null;
        }

        return new RemoteService
        {
            Code = code,
            Name = node.Text("service_name") ?? code,
            Description = node.Text("description"),
            Metadata = Flag(node.Text("metadata"), absent: false),
            Type = ServiceType(node.Text("type")),
            Keywords = Keywords(node.Field("keywords")),
            // FixMyStreet lists <groups><group> next to (or instead of) the spec's single group.
            Group = node.Text("group") ?? node.Field("groups")?.Children.Select(g => g.Value).FirstOrDefault(g => g is not null),
        };
    }

    public static RemoteAttribute? Attribute(Node node)
    {
        if (node.Text("code") is not { } code)
        {
            return null;
        }

        IReadOnlyList<Node> values = node.Field("values") is { } list ? list.Records("value") : [];
        return new RemoteAttribute
        {
            Code = code,
            Datatype = node.Text("datatype"),
            Required = Flag(node.Text("required"), absent: false),
            // A definition that leaves "variable" out still lists the attribute to be filled in.
            Variable = Flag(node.Text("variable"), absent: true),
            Description = node.Text("description"),
            Order = Integer(node.Text("order")),
            Values = values.Select(Choice).OfType<RemoteAttributeValue>().ToList(),
        };
    }

    public static RemoteServiceRequest? Request(Node node)
    {
        if (node.Text("service_request_id") is not { } id)
        {
            return null;
        }

        return new RemoteServiceRequest
        {
            Id = id,
            Status = node.Text("status")?.ToLowerInvariant(),
            StatusNotes = node.Text("status_notes"),
            ServiceCode = node.Text("service_code"),
            ServiceName = node.Text("service_name"),
            Description = node.Text("description"),
            AgencyResponsible = node.Text("agency_responsible"),
            RequestedAt = Dates.Parse(node.Text("requested_datetime")),
            UpdatedAt = Dates.Parse(node.Text("updated_datetime")),
            ExpectedAt = Dates.Parse(node.Text("expected_datetime")),
            Address = node.Text("address"),
            Lat = Number(node.Text("lat")),
            Long = Number(node.Text("long")),
            MediaUrl = Media(node.Field("media_url")),
        };
    }

    public static RemoteRequestUpdate? Update(Node node)
    {
        if (node.Text("update_id") is not { } updateId || node.Text("service_request_id") is not { } requestId)
        {
            return null;
        }

        return new RemoteRequestUpdate
        {
            UpdateId = updateId,
            ServiceRequestId = requestId,
            Status = node.Text("status")?.ToLowerInvariant(),
            Description = node.Text("description"),
            UpdatedAt = Dates.Parse(node.Text("updated_datetime")),
            MediaUrl = Media(node.Field("media_url")),
            ExternalStatusCode = node.Text("external_status_code"),
        };
    }

    private static RemoteAttributeValue? Choice(Node node) =>
        node.Text("key") is { } key ? new RemoteAttributeValue { Key = key, Name = node.Text("name") ?? key } : null;

    private static bool Flag(string? text, bool absent) => text?.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => absent,
    };

    private static string ServiceType(string? text) => text?.ToLowerInvariant() switch
    {
        "batch" => "batch",
        "blackbox" => "blackbox",
        _ => "realtime",
    };

    private static IReadOnlyList<string> Keywords(Node? node)
    {
        if (node is null)
        {
            return [];
        }

        // The spec's comma-separated string, or a list from servers that made it one.
        IEnumerable<string> parts = node.Value is { } text ? text.Split(',') : node.Children.Select(c => c.Value ?? string.Empty);
        return parts.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
    }

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    // A string by the spec; a list of strings or of {url} objects on Mark-a-Spot, Boston and 6Aika.
    private static string? Media(Node? node) =>
        node?.Value ?? node?.Children.Select(c => c.Value ?? c.Text("url")).FirstOrDefault(url => url is not null);
}
