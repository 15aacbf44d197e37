using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using Open311.Core.Jurisdictions;

namespace Open311.Core.Routing;

/// <summary>
/// Every jurisdiction with a boundary, answering "who covers this point" exactly and fast.
/// <list type="number">
/// <item>Boundaries are cut into pieces of at most 256 vertices (<see cref="Subdivision"/>), kept in an STRtree.</item>
/// <item>The world is cut into 0.1° cells (about 10 km). The first lookup in a cell asks the tree which pieces touch it and sorts
/// them into pieces that contain the whole cell (their jurisdiction is answered without any test) and pieces that
/// cross it (tested by a ray-crossing count over the piece's few edges).</item>
/// </list>
/// Inland cells cost a dictionary read; border cells a test against a small piece. Answers come most local tier
/// first, then the smaller area, then by id. Immutable apart from the cell cache; built once per registry change.
/// </summary>
public sealed class RoutingIndex
{
    public const double CellSize = 0.1;

    /// <summary>Cells remembered at most (tens of MiB); beyond it cells are still answered, just not cached.</summary>
    public const int MaxCachedCells = 1_000_000;

    private static readonly GeometryFactory Factory = new();
    private static readonly CellHit[] NoHits = [];

    private readonly STRtree<Piece> tree = new();
    private readonly ConcurrentDictionary<long, CellHit[]> cells = new();
    /// <summary>Largest longitude of any area stored unwrapped (beyond 180°); negative longitudes up to this − 360 get a second look.</summary>
    private readonly double unwrappedMaxX = double.NegativeInfinity;

    private RoutingIndex(IReadOnlyCollection<Jurisdiction> jurisdictions)
    {
        // Jurisdictions are numbered in answer order, so cell lists kept in that order give sorted answers for free.
        var order = 0;
        foreach (var j in jurisdictions.OrderBy(j => Tiers.Rank(j.Tier)).ThenBy(j => j.Boundary!.Geometry.Area).ThenBy(j => j.Id, StringComparer.Ordinal))
        {
            var rank = order++;
            foreach (var piece in Subdivision.Pieces(j.Boundary!.Geometry))
            {
                tree.Insert(piece.EnvelopeInternal, new Piece(j, rank, piece));
                Pieces++;
            }
        }

        tree.Build();
        unwrappedMaxX = jurisdictions.Where(j => j.Boundary!.Unwrapped).Select(j => j.Boundary!.Envelope.MaxX).DefaultIfEmpty(double.NegativeInfinity).Max();
        Count = jurisdictions.Count;
        Vertices = jurisdictions.Sum(j => j.Boundary!.Vertices);
    }

    public static RoutingIndex Empty { get; } = new([]);

    public int Count { get; }

    public int Vertices { get; }

    public int Pieces { get; }

    public int CachedCells => cells.Count;

    public static RoutingIndex Build(IEnumerable<Jurisdiction> jurisdictions) =>
        new(jurisdictions.Where(j => j.Boundary is not null).ToList());

    /// <summary>Every jurisdiction covering the point (inside or on the edge), most local tier first, then the smaller area.</summary>
    public IReadOnlyList<Jurisdiction> Lookup(double lat, double lon)
    {
        var hits = new List<Jurisdiction>(4);
        Collect(hits, lat, lon);
        if (lon < 0 && lon + 360 <= unwrappedMaxX)
        {
            var before = hits.Count;
            Collect(hits, lat, lon + 360); // areas across the antimeridian are stored unwrapped
            if (before > 0 && hits.Count > before)
            {
                return [.. hits.Distinct().OrderBy(j => Tiers.Rank(j.Tier)).ThenBy(j => j.Boundary!.Geometry.Area).ThenBy(j => j.Id, StringComparer.Ordinal)];
            }
        }

        return hits;
    }

    private void Collect(List<Jurisdiction> hits, double lat, double lon)
    {
        Jurisdiction? last = null;
        foreach (var hit in Cell(lat, lon))
        {
            if (hit.Jurisdiction != last && (hit.Piece is null || hit.Piece.Covers(lon, lat)))
            {
                hits.Add(hit.Jurisdiction);
                last = hit.Jurisdiction;
            }
        }
    }

    private CellHit[] Cell(double lat, double lon)
    {
        var x = (long)Math.Floor(lon / CellSize);
        var y = (long)Math.Floor(lat / CellSize);
        var key = (x << 32) ^ (y & 0xFFFFFFFF);
        if (cells.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var built = BuildCell(x, y);
        if (cells.Count < MaxCachedCells)
        {
            cells.TryAdd(key, built);
        }

        return built;
    }

    private CellHit[] BuildCell(long x, long y)
    {
        var envelope = new Envelope(x * CellSize, (x + 1) * CellSize, y * CellSize, (y + 1) * CellSize);
        var candidates = tree.Query(envelope);
        if (candidates.Count == 0)
        {
            return NoHits;
        }

        var box = Factory.ToGeometry(envelope);
        var hits = new List<CellHit>(candidates.Count);
        foreach (var group in candidates.GroupBy(p => p.Order).OrderBy(g => g.Key))
        {
            var crossing = new List<CellHit>();
            var sure = false;
            foreach (var piece in group)
            {
                if (piece.Prepared.ContainsProperly(box))
                {
                    sure = true;
                    hits.Add(new CellHit(piece.Jurisdiction, null));
                    break;
                }

                if (piece.Prepared.Intersects(box))
                {
                    crossing.Add(new CellHit(piece.Jurisdiction, piece));
                }
            }

            if (!sure)
            {
                hits.AddRange(crossing);
            }
        }

        return hits.Count == 0 ? NoHits : [.. hits];
    }

    /// <summary>One piece of one jurisdiction's area; its locator and prepared form are built on first use.</summary>
    private sealed class Piece(Jurisdiction jurisdiction, int order, Geometry geometry)
    {
        private readonly double minX = geometry.EnvelopeInternal.MinX;
        private readonly double maxX = geometry.EnvelopeInternal.MaxX;
        private readonly double minY = geometry.EnvelopeInternal.MinY;
        private readonly double maxY = geometry.EnvelopeInternal.MaxY;
        private readonly FlatRing shell = new(((Polygon)geometry).Shell);
        private readonly FlatRing[] holes = [.. ((Polygon)geometry).Holes.Select(h => new FlatRing(h))];
        private IPreparedGeometry? prepared;

        public Jurisdiction Jurisdiction { get; } = jurisdiction;

        public int Order { get; } = order;

        public IPreparedGeometry Prepared => prepared ??= PreparedGeometryFactory.Prepare(geometry);

        /// <summary>A plain ray-crossing count: pieces are small (≤ 256 vertices), so a scan beats building an index.</summary>
        public bool Covers(double x, double y)
        {
            if (x < minX || x > maxX || y < minY || y > maxY)
            {
                return false;
            }

            var inShell = shell.Locate(x, y);
            if (inShell != Location.Interior)
            {
                return inShell == Location.Boundary;
            }

            foreach (var hole in holes)
            {
                var inHole = hole.Locate(x, y);
                if (inHole != Location.Exterior)
                {
                    return inHole == Location.Boundary;
                }
            }

            return true;
        }
    }

    /// <summary>A jurisdiction in a cell; <see cref="Piece"/> is null when the whole cell is inside it (no test needed).</summary>
    private readonly record struct CellHit(Jurisdiction Jurisdiction, Piece? Piece);
}
