using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Open311.Core.Jurisdictions;

/// <summary>
/// A jurisdiction's area (WGS84 Polygon or MultiPolygon) with an indexed point locator, built once. An area that
/// crosses the antimeridian is kept unwrapped (longitudes 0..360, see <see cref="Antimeridian"/>), so a point is
/// tested at its longitude and, when negative, at longitude + 360.
/// </summary>
public sealed class Boundary
{
    private readonly IndexedPointInAreaLocator locator;

    public Boundary(Geometry geometry)
    {
        Geometry = geometry;
        Envelope = geometry.EnvelopeInternal;
        locator = new IndexedPointInAreaLocator(geometry);
    }

    /// <summary>The area as stored for lookups (unwrapped when it crosses the antimeridian).</summary>
    public Geometry Geometry { get; }

    public Envelope Envelope { get; }

    public int Vertices => Geometry.NumPoints;

    /// <summary>True when the point is inside or on the edge (a report on the town line belongs to the town).</summary>
    public bool Covers(double lat, double lon) =>
        CoversPlanar(lat, lon) || (lon < 0 && Unwrapped && CoversPlanar(lat, lon + 360));

    /// <summary>True when the area was moved to 0..360 because it crosses the antimeridian.</summary>
    public bool Unwrapped => Envelope.MaxX > 180;

    /// <summary>The test at exactly this longitude, in the stored (possibly unwrapped) space.</summary>
    public bool CoversPlanar(double lat, double lon) =>
        Envelope.Covers(lon, lat) && locator.Locate(new Coordinate(lon, lat)) != Location.Exterior;
}
