using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Open311.Core.Routing;

/// <summary>
/// Cuts a large area into pieces of at most <see cref="MaxVertices"/> vertices by halving its bounding box
/// recursively (as PostGIS's ST_Subdivide does). A point test on a small piece looks at a few dozen edges instead of
/// every edge of a country's coastline that crosses the point's latitude.
/// </summary>
public static class Subdivision
{
    public const int MaxVertices = 256;

    public static IReadOnlyList<Geometry> Pieces(Geometry area)
    {
        var pieces = new List<Geometry>();
        Split(area, pieces, depth: 0);
        return pieces;
    }

    private static void Split(Geometry area, List<Geometry> pieces, int depth)
    {
        if (area.NumPoints <= MaxVertices || depth > 24)
        {
            pieces.AddRange(Polygons(area));
            return;
        }

        var e = area.EnvelopeInternal;
        var (first, second) = e.Width >= e.Height
            ? (new Envelope(e.MinX, e.Centre.X, e.MinY, e.MaxY), new Envelope(e.Centre.X, e.MaxX, e.MinY, e.MaxY))
            : (new Envelope(e.MinX, e.MaxX, e.MinY, e.Centre.Y), new Envelope(e.MinX, e.MaxX, e.Centre.Y, e.MaxY));
        foreach (var half in new[] { first, second })
        {
            var part = OverlayNGRobust.Overlay(area, area.Factory.ToGeometry(half), SpatialFunction.Intersection);
            if (!part.IsEmpty)
            {
                Split(part, pieces, depth + 1);
            }
        }
    }

    private static IEnumerable<Geometry> Polygons(Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).Where(p => p is Polygon && !p.IsEmpty);
}
