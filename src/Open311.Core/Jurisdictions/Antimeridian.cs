using NetTopologySuite.Geometries;

namespace Open311.Core.Jurisdictions;

/// <summary>
/// Areas that cross the 180° meridian (the Aleutians, Fiji, Chukotka). Drawn with longitudes jumping from +179 to
/// −179, a planar engine reads such a ring as spanning the whole globe the other way round. Each polygon whose rings
/// jump by more than 180° is moved to 0..360 by adding 360 to its negative longitudes; lookups then test a negative
/// longitude a second time at +360.
/// </summary>
public static class Antimeridian
{
    public static Geometry Unwrap(Geometry geometry) => geometry switch
    {
        Polygon polygon => UnwrapPolygon(polygon),
        MultiPolygon multi => multi.Factory.CreateMultiPolygon(
            Enumerable.Range(0, multi.NumGeometries).Select(i => UnwrapPolygon((Polygon)multi.GetGeometryN(i))).ToArray()),
        _ => geometry,
    };

    public static bool Crosses(Polygon polygon) =>
        Rings(polygon).Any(ring => ring.Coordinates.Zip(ring.Coordinates.Skip(1)).Any(p => Math.Abs(p.First.X - p.Second.X) > 180));

    private static Polygon UnwrapPolygon(Polygon polygon)
    {
        if (!Crosses(polygon))
        {
            return polygon;
        }

        var factory = polygon.Factory;
        LinearRing Shift(LineString ring) => factory.CreateLinearRing(ring.Coordinates.Select(c => new Coordinate(c.X < 0 ? c.X + 360 : c.X, c.Y)).ToArray());
        return factory.CreatePolygon(Shift(polygon.ExteriorRing), polygon.InteriorRings.Select(Shift).ToArray());
    }

    private static IEnumerable<LineString> Rings(Polygon polygon) => [polygon.ExteriorRing, .. polygon.InteriorRings];
}
