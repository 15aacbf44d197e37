using System.Globalization;
using System.Text.Json;
using Open311.Core.Intake;
using Open311.Core.Requests;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Reads one Ushahidi post in any of the shapes a deployment produces: the V3 entity its webhook sends, the
/// <c>/api/v3/posts</c> answer (<c>values</c> keyed by survey field, tags as <c>{id,url}</c>, ISO dates) and the
/// <c>/api/v5/posts</c> answer (<c>post_content[].fields[]</c>, <c>categories</c>). Locations are <c>{lon, lat}</c>.
/// Photos are left to the caller (<see cref="MediaIds"/>): they are resolved on the deployment after dedupe.
/// </summary>
public static class UshahidiPostReader
{
    /// <param name="fields">The post's survey fields (v3 and webhooks carry no labels); null when unknown.</param>
    /// <exception cref="FormatException">The element is not a post; the message says why.</exception>
    public static InboundReport Read(JsonElement post, string sourceId, UshahidiSettings source, IReadOnlyDictionary<string, UshahidiField>? fields, DateTimeOffset now)
    {
        if (post.ValueKind != JsonValueKind.Object || Scalar(post, "id") is not { Length: > 0 and <= 64 } id)
        {
            throw new FormatException("The body is not an Ushahidi post: it has no id.");
        }

        var hints = new List<string>();
        if (FormId(post) is { } formId)
        {
            hints.Add($"form:{formId}");
        }

        foreach (var member in new[] { "tags", "categories" })
        {
            if (post.TryGetProperty(member, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                hints.AddRange(list.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Object ? Scalar(t, "id") : Text(t)).OfType<string>().Select(t => $"tag:{t}"));
            }
        }

        var v5 = post.TryGetProperty("post_content", out var content) && content.ValueKind == JsonValueKind.Array;
        var (lat, lon) = v5 ? V5Location(content, source.LocationKey) : V3Location(post, source.LocationKey);
        var (open, personal, place) = v5
            ? UshahidiTextFields.FromV5(content, source)
            : post.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object ? UshahidiTextFields.FromV3(values, source, fields) : ([], [], null);
        var name = Scalar(post, "author_realname")?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new InboundReport
        {
            SourceId = sourceId,
            ExternalId = id,
            Title = Scalar(post, "title"),
            Text = string.Join("\n\n", new[] { Scalar(post, "content"), string.Join("\n", open) }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } text ? text : null,
            PrivateDetails = personal.Count > 0 ? string.Join("\n", personal) : null,
            AddressText = place,
            Lat = lat,
            Long = lon,
            Contact = new Requester(Scalar(post, "author_email"), name?.ElementAtOrDefault(0), name?.ElementAtOrDefault(1), null, null, null),
            CategoryHints = hints.Distinct().ToList(),
            ReceivedAt = PostDate(post) ?? now,
            Url = source.Deployment is { } baseUrl ? $"{baseUrl}/views/data/{id}" : null,
        };
    }

    /// <summary>The media ids of a post: <c>values[media_key]</c> (v3, webhook) or v5 fields of type media.</summary>
    public static IReadOnlyList<long> MediaIds(JsonElement post, UshahidiSettings source)
    {
        var ids = new List<long>();
        if (source.MediaKey is { } key && post.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object
            && values.TryGetProperty(key, out var media) && media.ValueKind == JsonValueKind.Array)
        {
            ids.AddRange(media.EnumerateArray().Select(m => Number(m)).OfType<double>().Select(d => (long)d));
        }

        if (post.TryGetProperty("post_content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in content.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
                .SelectMany(t => t.GetProperty("fields").EnumerateArray()).Where(f => f.ValueKind == JsonValueKind.Object && (Scalar(f, "type") is "media" || Scalar(f, "input") is "upload")))
            {
                if (field.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var inner))
                {
                    var items = inner.ValueKind == JsonValueKind.Array ? inner.EnumerateArray().ToList() : [inner];
                    ids.AddRange(items.Select(m => Number(m)).OfType<double>().Select(d => (long)d));
                }
            }
        }

        return ids.Distinct().Take(5).ToList();
    }

    /// <summary>A finite number, also when PHP sent it as a string.</summary>
    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var d) => d,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) => s,
        _ => null,
    };

    private static (double?, double?) V3Location(JsonElement post, string? key)
    {
        if (!post.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        foreach (var field in values.EnumerateObject().Where(f => key is null || f.Name == key))
        {
            var items = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().ToList() : [field.Value];
            foreach (var item in items)
            {
                if (Point(item) is { } point)
                {
                    return point;
                }
            }
        }

        return (null, null);
    }

    /// <summary>v5: <c>post_content[].fields[]</c>, a location field's value is <c>{"value":{"lat":…,"lon":…}}</c>.</summary>
    private static (double?, double?) V5Location(JsonElement content, string? key)
    {
        foreach (var task in content.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object))
        {
            if (!task.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var field in fields.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
            {
                var isLocation = key is not null ? Scalar(field, "key") == key : Scalar(field, "type") is "location" || Scalar(field, "input") is "location";
                if (isLocation && field.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                    && value.TryGetProperty("value", out var inner) && Point(inner) is { } point)
                {
                    return point;
                }
            }
        }

        return (null, null);
    }

    private static (double?, double?)? Point(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && Number(item, "lat") is { } lat && Number(item, "lon") is { } lon && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180
            ? (lat, lon)
            : null;

    /// <summary>The post's survey id (<c>form_id</c>, or <c>form.id</c> in v3 answers).</summary>
    public static string? FormId(JsonElement post) =>
        post.ValueKind != JsonValueKind.Object ? null
            : Scalar(post, "form_id") ?? (post.TryGetProperty("form", out var form) && form.ValueKind == JsonValueKind.Object ? Scalar(form, "id") : null);

    /// <summary><c>post_date</c> as a PHP DateTime object (webhook) or an ISO string (API); else <c>created</c>, unix seconds or ISO.</summary>
    private static DateTimeOffset? PostDate(JsonElement post)
    {
        if (post.TryGetProperty("post_date", out var date))
        {
            if (date.ValueKind == JsonValueKind.Object && Scalar(date, "date") is { } text
                && (Scalar(date, "timezone") ?? "UTC") is "UTC" or "+00:00"
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            {
                return new DateTimeOffset(utc, TimeSpan.Zero);
            }

            if (date.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
            {
                return iso;
            }
        }

        if (post.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdIso))
        {
            return createdIso;
        }

        return Number(post, "created") is { } unix and > 0 and < 32503680000 ? DateTimeOffset.FromUnixTimeSeconds((long)unix) : null;
    }

    private static string? Scalar(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { } s && s.Trim().Length > 0 ? s.Trim() : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static double? Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? Number(value) : null;
}
