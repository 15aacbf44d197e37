using Open311.Core.Jurisdictions;

namespace Open311.Core.Routing;

/// <summary>
/// The routing decision the intake pipeline calls: for a point and a category, the most local jurisdiction that
/// offers a matching service, with the reason written down either way.
/// </summary>
public static class Router
{
    /// <param name="only">When set, only this jurisdiction may take the report (a source that names its town).</param>
    public static RoutingDecision Decide(RoutingIndex index, double lat, double lon, string category, string? only = null)
    {
        var covering = Covering(index, lat, lon, only);
        var where = FormattableString.Invariant($"{lat},{lon}");
        if (covering.Count == 0)
        {
            return new RoutingDecision(null, null, $"No jurisdiction covers {where}.");
        }

        foreach (var jurisdiction in covering)
        {
            if (ServiceMatcher.Best(jurisdiction.Services, category) is { } service)
            {
                var others = covering.Count - 1;
                return new RoutingDecision(
                    jurisdiction,
                    service,
                    $"{jurisdiction.Id} ({jurisdiction.Tier}) is the most local of the {covering.Count} jurisdiction(s) covering {where} that offers a service for '{category}': {service.Code} ({service.Name})."
                    + (others > 0 ? $" Also covering: {string.Join(", ", covering.Where(j => j != jurisdiction).Select(j => j.Id))}." : string.Empty));
            }
        }

        return new RoutingDecision(
            null,
            null,
            $"{covering.Count} jurisdiction(s) cover {where} ({string.Join(", ", covering.Select(j => $"{j.Id} ({j.Tier})"))}) but none offers a service for '{category}'.");
    }

    /// <summary>The jurisdictions covering the point, most local first; only <paramref name="only"/> when it is set.</summary>
    public static IReadOnlyList<Jurisdiction> Covering(RoutingIndex index, double lat, double lon, string? only = null)
    {
        var covering = index.Lookup(lat, lon);
        return only is null ? covering : covering.Where(j => string.Equals(j.Id, only, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
