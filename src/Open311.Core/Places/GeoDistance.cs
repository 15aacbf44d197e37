namespace Open311.Core.Places;

/// <summary>Distances between nearby points: an equirectangular projection, good to well under a metre across a town.</summary>
public static class GeoDistance
{
    private const double EarthRadius = 6_371_008.8;

    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        var x = DegreesToRadians(lon2 - lon1) * Math.Cos(DegreesToRadians((lat1 + lat2) / 2));
        var y = DegreesToRadians(lat2 - lat1);
        return Math.Sqrt((x * x) + (y * y)) * EarthRadius;
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
