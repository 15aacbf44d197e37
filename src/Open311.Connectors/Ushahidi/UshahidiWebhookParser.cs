using System.Globalization;
using System.Text.Json;
using Open311.Core.Intake;
using Open311.Core.Requests;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Reads the body a deployment's webhook really sends: the V3 post entity (<c>id, form_id, title, content,
/// author_email, author_realname, created</c> as unix time, <c>post_date</c> as a PHP DateTime object, <c>values</c>
/// keyed by survey field, <c>tags</c> as ids). Locations are <c>{lon, lat}</c> objects inside <c>values</c>.
/// </summary>
public static class UshahidiWebhookParser
{
    /// <exception cref="FormatException">The body is not a post entity; the message says why.</exception>
    public static InboundReport Parse(string sourceId, ReadOnlySpan<byte> body, SourceDocument source, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not JSON ({ex.Message.Split(" Path:", 2)[0]})");
        }

        using (document)
        {
            var post = document.RootElement;
            if (post.ValueKind != JsonValueKind.Object || Scalar(post, "id") is not { Length: > 0 and <= 64 } id)
            {
                throw new FormatException("The body is not an Ushahidi post: it has no id.");
            }

            var (lat, lon) = Location(post, source.LocationKey);
            var hints = new List<string>();
            if (Scalar(post, "form_id") is { } form)
            {
                hints.Add($"form:{form}");
            }

            if (post.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
            {
                hints.AddRange(tags.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Object ? Scalar(t, "id") : Text(t)).OfType<string>().Select(t => $"tag:{t}"));
            }

            var name = Scalar(post, "author_realname")?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new InboundReport
            {
                SourceId = sourceId,
                ExternalId = id,
                Title = Scalar(post, "title"),
                Text = Scalar(post, "content"),
                Lat = lat,
                Long = lon,
                Contact = new Requester(Scalar(post, "author_email"), name?.ElementAtOrDefault(0), name?.ElementAtOrDefault(1), null, null, null),
                CategoryHints = hints,
                ReceivedAt = PostDate(post) ?? now,
                Url = source.DeploymentUrl is { } baseUrl ? $"{baseUrl.TrimEnd('/')}/views/data/{id}" : null,
            };
        }
    }

    private static (double? Lat, double? Lon) Location(JsonElement post, string? key)
    {
        if (!post.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        foreach (var field in values.EnumerateObject().Where(f => key is null || f.Name == key))
        {
            var items = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().ToList() : [field.Value];
            foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
            {
                if (Number(item, "lat") is { } lat && Number(item, "lon") is { } lon && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180)
                {
                    return (lat, lon);
                }
            }
        }

        return (null, null);
    }

    /// <summary><c>post_date</c> is <c>{"date":"2021-02-27 00:52:30.000000","timezone":"UTC"}</c>; else <c>created</c> in unix seconds.</summary>
    private static DateTimeOffset? PostDate(JsonElement post)
    {
        if (post.TryGetProperty("post_date", out var date) && date.ValueKind == JsonValueKind.Object
            && Scalar(date, "date") is { } text
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            && (Scalar(date, "timezone") ?? "UTC") is "UTC" or "+00:00")
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
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

    /// <summary>A number, also when PHP sent it as a string.</summary>
    private static double? Number(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var d = double.NaN;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out d),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d),
            _ => false,
        };
        return ok && double.IsFinite(d) ? d : null;
    }
}
