using System.Globalization;
using System.Text.Json;

namespace Open311.Core.Places;

/// <summary>Reading an outside geocoder's JSON answer, which is untrusted input: members that may be missing or of any type.</summary>
public static class GeocoderJson
{
    public static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    public static string? Text(JsonElement? element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>A finite number, written as a JSON number or as a string ("44.26", as Nominatim writes lat and lon); read invariantly.</summary>
    public static double? Number(JsonElement? element)
    {
        if (element is { ValueKind: JsonValueKind.String } text
            && double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return double.IsFinite(parsed) ? parsed : null;
        }

        return element is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var value) && double.IsFinite(value) ? value : null;
    }

    /// <summary>
    /// The candidates read from the first <paramref name="limit"/> answers, surest first. The services rank their
    /// answers; a stable sort keeps that order among equally sure ones.
    /// </summary>
    public static List<GeocodeCandidate> Ranked(JsonElement answers, int limit, Func<JsonElement, GeocodeCandidate?> read) =>
        [.. answers.EnumerateArray().Take(limit).Select(read).OfType<GeocodeCandidate>().OrderByDescending(c => c.Confidence)];
}
