using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Open311.Core.Jurisdictions;

/// <summary>A jurisdiction's area (WGS84 Polygon or MultiPolygon), prepared once for fast point tests.</summary>
public sealed class Boundary
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly IPreparedGeometry prepared;

    public Boundary(Geometry geometry)
    {
        Geometry = geometry;
        prepared = PreparedGeometryFactory.Prepare(geometry);
    }

    public Geometry Geometry { get; }

    /// <summary>True when the point is inside or on the edge (a report on the town line belongs to the town).</summary>
    public bool Covers(double lat, double lon) => prepared.Covers(Factory.CreatePoint(new Coordinate(lon, lat)));
}
