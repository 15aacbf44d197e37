using System.Globalization;

namespace Open311.Core.Protocol;

/// <summary>GeoReport v2 timestamps: strict on output, forgiving on input.</summary>
public static class Open311Time
{
    public const int MinYear = 1900;
    public const int MaxYear = 9000;

    private static readonly string[] DateOnlyFormats = ["yyyy-MM-dd"];

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC: the one form every known validator and client accepts.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <c>Z</c>, <c>±HH:MM</c>, <c>±HHMM</c> and fractional seconds. A space where the offset's sign should be
    /// is read as <c>+</c>, because an unencoded <c>+</c> in a query string decodes to a space.
    /// A date without a time means midnight in <paramref name="zone"/> (the town's own day).
    /// Text without any offset is refused: the spec makes the zone mandatory.
    /// </summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var s = RestorePlusSign(text.Trim());
        if (DateTime.TryParseExact(s, DateOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year is < MinYear or > MaxYear)
            {
                return false;
            }

            value = new DateTimeOffset(day, zone.GetUtcOffset(day));
            return true;
        }

        if (!HasZone(s))
        {
            return false;
        }

        // Years far from now are refused: they are typos, and arithmetic on them (± 90 days) would overflow.
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value)
            && s.Contains('T', StringComparison.OrdinalIgnoreCase)
            && value.UtcDateTime.Year is >= MinYear and <= MaxYear;
    }

    private static string RestorePlusSign(string s)
    {
        // "2026-01-01T10:00:00 05:00" (a "+" that became a space) -> "+05:00"
        var tIndex = s.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var space = s.LastIndexOf(' ');
        return tIndex > 0 && space > tIndex ? string.Concat(s.AsSpan(0, space), "+", s.AsSpan(space + 1)) : s;
    }

    private static bool HasZone(string s)
    {
        if (s.EndsWith('Z') || s.EndsWith('z'))
        {
            return true;
        }

        var tIndex = s.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return tIndex > 0 && s.AsSpan(tIndex).IndexOfAny('+', '-') > 0;
    }
}
