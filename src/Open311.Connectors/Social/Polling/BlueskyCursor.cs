using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Open311.Connectors.Social;

/// <summary>
/// Where a poller stands in a Bluesky search, which pages by time (<c>sortAt</c>), not by id:
/// <see cref="Since"/> is the newest <c>sortAt</c> read; <see cref="Seen"/> the posts read whose <c>sortAt</c> is
/// still inside the overlap below it (the next search reaches back that far, and these are not handed over twice —
/// the same post at the same timestamp included). While a walk down from the newest post is unfinished,
/// <see cref="WalkTop"/> is the newest <c>sortAt</c> it met and <see cref="WalkUntil"/> where the next run resumes
/// it (<c>until</c> is exclusive, so it sits a millisecond above the oldest post read: that one comes again and is
/// recognised). Stored as JSON: <c>{"since","seen":{uri:sortAt},"walk_top","walk_until"}</c>.
/// </summary>
internal sealed record BlueskyCursor(DateTimeOffset? Since, IReadOnlyDictionary<string, DateTimeOffset> Seen, DateTimeOffset? WalkTop = null, DateTimeOffset? WalkUntil = null)
{
    /// <summary>More would only make the cursor large; a post that falls off comes again and the intake dedupes it.</summary>
    public const int MaxSeen = 2000;

    public static readonly BlueskyCursor None = new(null, new Dictionary<string, DateTimeOffset>());

    public static BlueskyCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            if (root.TryGetProperty("seen", out var s) && s.ValueKind == JsonValueKind.Object)
            {
                foreach (var post in s.EnumerateObject())
                {
                    if (Time(post.Value) is { } at)
                    {
                        seen[post.Name] = at;
                    }
                }
            }

            var until = root.TryGetProperty("walk_until", out var u) ? Time(u) : null;
            return new BlueskyCursor(
                root.TryGetProperty("since", out var since) ? Time(since) : null,
                seen,
                until is null ? null : root.TryGetProperty("walk_top", out var top) ? Time(top) : null,
                until);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    /// <summary>The read posts still worth remembering: inside the overlap below <paramref name="floor"/>, newest first, at most <see cref="MaxSeen"/>.</summary>
    public BlueskyCursor Pruned(DateTimeOffset? floor) => this with
    {
        Seen = Seen.Where(p => floor is null || p.Value >= floor)
            .OrderByDescending(p => p.Value)
            .Take(MaxSeen)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };

    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (Since is { } since)
            {
                json.WriteString("since", Format(since));
            }

            json.WriteStartObject("seen");
            foreach (var (uri, at) in Seen)
            {
                json.WriteString(uri, Format(at));
            }

            json.WriteEndObject();
            if (WalkUntil is { } until)
            {
                if (WalkTop is { } top)
                {
                    json.WriteString("walk_top", Format(top));
                }

                json.WriteString("walk_until", Format(until));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static DateTimeOffset? Time(JsonElement value) => value.ValueKind == JsonValueKind.String ? Time(value.GetString()) : null;
}
