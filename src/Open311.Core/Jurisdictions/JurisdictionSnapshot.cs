using Open311.Core.Routing;

namespace Open311.Core.Jurisdictions;

/// <summary>Every jurisdiction as of one registry stamp, with the routing index over their boundaries.</summary>
public sealed class JurisdictionSnapshot
{
    public JurisdictionSnapshot(IReadOnlyDictionary<string, Jurisdiction> all, string? stamp)
    {
        All = all;
        Stamp = stamp;
        Hosted = all.Values.Where(j => j.Hosted).ToDictionary(j => j.Id, StringComparer.OrdinalIgnoreCase);
        Changeset = Hosted.Count == 0 ? DateTimeOffset.UnixEpoch : Hosted.Values.Max(j => j.Changeset);
        Index = RoutingIndex.Build(all.Values);
    }

    public static JurisdictionSnapshot Empty { get; } = new(new Dictionary<string, Jurisdiction>(), null);

    /// <summary>Hosted and remote jurisdictions.</summary>
    public IReadOnlyDictionary<string, Jurisdiction> All { get; }

    /// <summary>The towns this endpoint serves GeoReport v2 for.</summary>
    public IReadOnlyDictionary<string, Jurisdiction> Hosted { get; }

    public string? Stamp { get; }

    /// <summary>Last change of any hosted town: the discovery changeset.</summary>
    public DateTimeOffset Changeset { get; }

    public RoutingIndex Index { get; }
}
