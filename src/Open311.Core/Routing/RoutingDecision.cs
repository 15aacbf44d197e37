using Open311.Core.Jurisdictions;
using Open311.Core.Services;

namespace Open311.Core.Routing;

/// <summary>Who should handle a report, and why — or why nobody can (then both are null).</summary>
public sealed record RoutingDecision(Jurisdiction? Jurisdiction, Service? Service, string Reason)
{
    public bool Routed => Jurisdiction is not null;
}
