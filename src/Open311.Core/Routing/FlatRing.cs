using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Open311.Core.Routing;

/// <summary>
/// A ring as one array of doubles (x0, y0, x1, y1, …) and the ray-crossing point test of NTS's RayCrossingCounter
/// over it, with the same robust orientation predicate. The same answers, without chasing one heap object per vertex.
/// </summary>
public sealed class FlatRing
{
    private readonly double[] xy;

    public FlatRing(LineString ring)
    {
        var coordinates = ring.Coordinates;
        xy = new double[coordinates.Length * 2];
        for (var i = 0; i < coordinates.Length; i++)
        {
            xy[2 * i] = coordinates[i].X;
            xy[(2 * i) + 1] = coordinates[i].Y;
        }
    }

    public Location Locate(double x, double y)
    {
        var crossings = 0;
        for (var i = 2; i < xy.Length; i += 2)
        {
            double x1 = xy[i - 2], y1 = xy[i - 1], x2 = xy[i], y2 = xy[i + 1];
            if (x1 < x && x2 < x)
            {
                continue; // entirely to the left of the point: cannot cross the ray to the right
            }

            if (x == x2 && y == y2)
            {
                return Location.Boundary;
            }

            if (y1 == y && y2 == y)
            {
                if (x >= Math.Min(x1, x2) && x <= Math.Max(x1, x2))
                {
                    return Location.Boundary;
                }

                continue;
            }

            if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y))
            {
                var orientation = CGAlgorithmsDD.OrientationIndex(x1, y1, x2, y2, x, y);
                if (orientation == 0)
                {
                    return Location.Boundary;
                }

                if (y2 < y1)
                {
                    orientation = -orientation;
                }

                if (orientation > 0)
                {
                    crossings++;
                }
            }
        }

        return (crossings & 1) == 1 ? Location.Interior : Location.Exterior;
    }
}
