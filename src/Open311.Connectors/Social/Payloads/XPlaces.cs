namespace Open311.Connectors.Social;

/// <summary>An X place's box from its corners (v1.1 ring) or its bbox (v2); none when a corner is impossible.</summary>
internal static class XPlaces
{
    public static SocialPlace? Box(string? name, IEnumerable<double> longitudes, IEnumerable<double> latitudes)
    {
        var lons = longitudes.ToList();
        var lats = latitudes.ToList();
        if (lons.Count == 0 || lats.Count == 0
            || !lons.TrueForAll(l => double.IsFinite(l) && Math.Abs(l) <= 180)
            || !lats.TrueForAll(l => double.IsFinite(l) && Math.Abs(l) <= 90))
        {
            return null;
        }

        return new SocialPlace(name, lons.Min(), lats.Min(), lons.Max(), lats.Max());
    }
}
