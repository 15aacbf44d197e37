using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Open311.Connectors.Social;

/// <summary>
/// Defensive reads of a network's JSON: a member that is missing, null or of another type reads as absent, so one
/// odd member never stops a post (a network's API, an archive tool or a hand-made test may send any of them).
/// </summary>
internal static class SocialJson
{
    public static JsonElement? Member(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    public static JsonElement? Obj(JsonElement? obj, string name) =>
        Member(obj, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The array's items; empty when the member is not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? obj, string name) =>
        Member(obj, name) is { ValueKind: JsonValueKind.Array } value ? (IEnumerable<JsonElement>)value.EnumerateArray() : [];

    /// <summary>The array's object items only.</summary>
    public static IEnumerable<JsonElement> Objects(JsonElement? obj, string name) =>
        Items(obj, name).Where(item => item.ValueKind == JsonValueKind.Object);

    public static bool IsArray(JsonElement? obj, string name) => Member(obj, name) is { ValueKind: JsonValueKind.Array };

    /// <summary>A string member, trimmed; null when blank or not a string.</summary>
    public static string? Str(JsonElement? obj, string name) =>
        Member(obj, name) is { } value ? Scalar(value) : null;

    /// <summary>A string value, trimmed; null when blank or not a string.</summary>
    public static string? Scalar(JsonElement value) =>
        AsString(value) is { } s && s.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>A string member as written (texts keep their line breaks); null when not a string.</summary>
    public static string? Text(JsonElement? obj, string name) =>
        Member(obj, name) is { } value ? AsString(value) : null;

    /// <summary>A string, or an integer written as a number (X's numeric <c>id</c>, too big for a double).</summary>
    public static string? Id(JsonElement? obj, string name) => Member(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetUInt64(out var id) => id.ToString(CultureInfo.InvariantCulture),
        _ => Str(obj, name) is { Length: <= 200 } s && !s.Any(char.IsControl) ? s : null,
    };

    public static bool? Bool(JsonElement? obj, string name) => Member(obj, name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A number as the JSON says it, also when sent as a string; NaN when it is neither (the caller says why).</summary>
    public static double Coordinate(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var d) => d,
        JsonValueKind.Number => double.PositiveInfinity,
        JsonValueKind.String when double.TryParse(AsString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
        _ => double.NaN,
    };

    public static int? Int(JsonElement? obj, string name) =>
        Member(obj, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var i) ? i : null;

    /// <summary>An ISO 8601 time (Mastodon, Bluesky, X v2), or X v1.1's "Wed Oct 10 20:19:24 +0000 2018".</summary>
    public static DateTimeOffset? Time(JsonElement? obj, string name)
    {
        if (Str(obj, name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var twitter))
        {
            return twitter;
        }

        // Belt and braces for the offset without a colon (+0000), whatever the parser makes of "zzz".
        if (text.Length > 10 && text[^10] is '+' or '-' && text[^5] == ' '
            && DateTimeOffset.TryParseExact(text.Insert(text.Length - 7, ":"), "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var colon))
        {
            return colon;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : null;
    }

    /// <summary>The id of a post whose own id cannot be read: stable for the same JSON, so a redelivery is the same post.</summary>
    public static string Unreadable(ReadOnlySpan<byte> raw) =>
        SocialPayloads.UnreadablePrefix + Convert.ToHexStringLower(SHA256.HashData(raw))[..16];

    // The raw bytes as the body has them: no transcoding that invalid UTF-8 in a string could make throw.
    public static string Unreadable(JsonElement post) => Unreadable(JsonMarshal.GetRawUtf8Value(post));

    /// <summary>Hashtags or handles as the model keeps them: without the sigil, lower-cased, each once, in order.</summary>
    public static IReadOnlyList<string> Words(IEnumerable<string?> words, char sigil) =>
        words.Select(w => w?.Trim().TrimStart(sigil).Trim()).OfType<string>().Where(w => w.Length > 0)
            .Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    // A string with a lone surrogate escaped in it cannot be read as .NET text: absent rather than an exception.
    private static string? AsString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
