using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Services;

namespace Open311.Core.Routing;

/// <summary>The lookup answer: every jurisdiction covering a point, most local first, each with where to send requests.</summary>
public static class LookupDocument
{
    public static Element Create(IEnumerable<(Jurisdiction Jurisdiction, IEnumerable<Service> Services)> hits, string ourBase) =>
        Element.List("jurisdictions", hits.Select(h => Element.Object(
            "jurisdiction",
            Element.String("jurisdiction_id", h.Jurisdiction.Id),
            Element.String("name", h.Jurisdiction.Name),
            Element.String("tier", h.Jurisdiction.Tier),
            Element.Boolean("hosted", h.Jurisdiction.Hosted),
            Element.String("remote_jurisdiction_id", h.Jurisdiction.Remote?.JurisdictionId),
            Element.String("endpoint", h.Jurisdiction.Remote?.Endpoint.AbsoluteUri ?? $"{ourBase}/v2"),
            Element.String("discovery", h.Jurisdiction.Remote is { } r ? r.Discovery?.AbsoluteUri : $"{ourBase}/discovery.json?jurisdiction_id={Uri.EscapeDataString(h.Jurisdiction.Id)}"),
            Element.List("services", h.Services.Select(s => Element.Object(
                "service",
                Element.String("service_code", s.Code),
                Element.String("service_name", s.Name),
                Element.String("group", s.Group),
                Element.String("keywords", s.Keywords.Count == 0 ? null : string.Join(", ", s.Keywords))))))));
}
