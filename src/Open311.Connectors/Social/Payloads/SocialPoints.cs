using System.Globalization;
using System.Text.Json;

namespace Open311.Connectors.Social;

/// <summary>
/// Decides whether a post's point can stand for a place. A wrong point sends a crew to the wrong street, so an
/// impossible one is refused with its reason (for the intake record) rather than used: out of range, not finite, the
/// [0, 0] placeholder, and a point in the polar seas whose longitude would be a plausible latitude — X clients have
/// written [lat, lon] where [lon, lat] belongs (the DocNow test tweet [42.778, 88.018] lands in the Arctic).
/// </summary>
internal static class SocialPoints
{
    private const double Polar = 80;

    public readonly record struct Point(double? Lat, double? Long, string? Problem)
    {
        public static readonly Point None = new(null, null, null);
    }

    /// <summary>A GeoJSON position <c>[lon, lat]</c> (v1.1 <c>coordinates</c>, v2 <c>geo.coordinates</c>).</summary>
    public static Point FromLonLat(JsonElement? position) => Read(position, lonFirst: true);

    /// <summary>v1.1's deprecated <c>geo.coordinates</c>, written the other way round: <c>[lat, lon]</c>.</summary>
    public static Point FromLatLon(JsonElement? position) => Read(position, lonFirst: false);

    public static Point Check(double lat, double lon)
    {
        if (!double.IsFinite(lat) || !double.IsFinite(lon))
        {
            return new(null, null, "the point's coordinates are not finite numbers; not used");
        }

        var shown = $"{Format(lat)}, {Format(lon)}";
        if (Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
        {
            return new(null, null, $"the point {shown} is outside the range of latitude and longitude; not used");
        }

        if (lat == 0 && lon == 0)
        {
            return new(null, null, "the point 0, 0 is a placeholder, not a place; not used");
        }

        if (Math.Abs(lat) > Polar && Math.Abs(lon) <= Polar)
        {
            var sea = lat > 0 ? "Arctic" : "Antarctic";
            return new(null, null, $"the point {shown} is in the {sea} — most likely its coordinates are swapped; not used");
        }

        return new(lat, lon, null);
    }

    private static Point Read(JsonElement? position, bool lonFirst)
    {
        if (position is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return Point.None;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2)
        {
            return new(null, null, "the point is not a pair of coordinates; not used");
        }

        var first = SocialJson.Coordinate(value[0]);
        var second = SocialJson.Coordinate(value[1]);
        return lonFirst ? Check(second, first) : Check(first, second);
    }

    private static string Format(double degrees) => degrees.ToString(CultureInfo.InvariantCulture);
}
