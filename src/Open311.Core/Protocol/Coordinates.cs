using System.Globalization;

namespace Open311.Core.Protocol;

/// <summary>WGS84 decimal degrees from text, range-checked.</summary>
public static class Coordinates
{
    public static bool TryParse(string text, double limit, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value)
        && Math.Abs(value) <= limit;

    /// <summary>Reads <c>lat</c> and <c>long</c> parameters, adding one error per missing or bad value.</summary>
    public static (double Lat, double Long) Read(Parameters p, List<string> errors)
    {
        var latText = p.Get("lat");
        var longText = p.Get("long");
        var lat = 0.0;
        var lon = 0.0;
        if (latText is null || !TryParse(latText, 90, out lat))
        {
            errors.Add("lat must be a number from -90 to 90 (WGS84 decimal degrees).");
        }

        if (longText is null || !TryParse(longText, 180, out lon))
        {
            errors.Add("long must be a number from -180 to 180 (WGS84 decimal degrees).");
        }

        return (lat, lon);
    }
}
