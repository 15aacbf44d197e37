using System.Globalization;
using System.Text.RegularExpressions;

namespace Open311.Client;

/// <summary>GeoReport timestamps: one strict form out, the forms cities really write in.</summary>
internal static partial class Dates
{
    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC: the form every known server and validator accepts.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads <c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c>, <c>±hh</c>, fractional seconds, a space for the date/time separator
    /// and a space where a <c>+</c> was lost to URL decoding. A date alone is midnight UTC, and so is a time without a
    /// zone: the spec requires the zone, and UTC is the likeliest meaning of a server that forgot it. Null when unreadable.
    /// </summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        int Number(string group) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;

        var (year, month, day) = (Number("y"), Number("mo"), Number("d"));
        var (hour, minute, second) = (Number("h"), Number("mi"), Number("s"));
        if (year is < 1900 or > 9000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var fraction = match.Groups["f"];
        var ticks = fraction.Success ? long.Parse(fraction.Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0L;
        if (Offset(match.Groups["z"]) is not { } offset)
        {
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
    }

    private static TimeSpan? Offset(Group zone)
    {
        if (!zone.Success || zone.Value is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var digits = zone.Value[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return null;
        }

        var sign = zone.Value[0] == '-' ? -1 : 1;
        return new TimeSpan(sign * hours, sign * minutes, 0);
    }

    [GeneratedRegex(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:[Tt ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9})[0-9]*)?)?(?<z>[Zz]|[+\- ][0-9]{2}(?::?[0-9]{2})?)?)?$",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
