using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Open311.Core.Jurisdictions;

namespace Open311.Core.Routing;

/// <summary>
/// Every jurisdiction with a boundary in an STRtree of envelopes; each candidate is confirmed by its boundary's
/// indexed point locator (Covers: inside or on the edge). Immutable: built once per registry change.
/// </summary>
public sealed class RoutingIndex
{
    private readonly STRtree<Jurisdiction> tree = new();

    private RoutingIndex(IReadOnlyCollection<Jurisdiction> jurisdictions)
    {
        foreach (var j in jurisdictions)
        {
            tree.Insert(j.Boundary!.Envelope, j);
        }

        tree.Build();
        Count = jurisdictions.Count;
        Vertices = jurisdictions.Sum(j => j.Boundary!.Vertices);
    }

    public static RoutingIndex Empty { get; } = new([]);

    public int Count { get; }

    public int Vertices { get; }

    public static RoutingIndex Build(IEnumerable<Jurisdiction> jurisdictions) =>
        new(jurisdictions.Where(j => j.Boundary is not null).ToList());

    /// <summary>Every jurisdiction covering the point, most local tier first, then the smaller area first.</summary>
    public IReadOnlyList<Jurisdiction> Lookup(double lat, double lon)
    {
        var hits = new List<Jurisdiction>();
        Collect(hits, lat, lon);
        if (lon < 0)
        {
            Collect(hits, lat, lon + 360); // areas across the antimeridian are stored unwrapped
        }

        return hits.Count <= 1 ? hits : hits.Distinct().OrderBy(j => Tiers.Rank(j.Tier)).ThenBy(j => j.Boundary!.Envelope.Area).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    private void Collect(List<Jurisdiction> hits, double lat, double lon)
    {
        foreach (var candidate in tree.Query(new Envelope(lon, lon, lat, lat)))
        {
            if (candidate.Boundary!.Covers(lat, lon))
            {
                hits.Add(candidate);
            }
        }
    }
}
