using Open311.Core.Protocol;

namespace Open311.Core.Discovery;

/// <summary>The Service Discovery document: where the GeoReport v2 endpoints are and how to get a key.</summary>
public static class DiscoveryDocument
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static Element Create(DateTimeOffset changeset, string contact, string keyService, IEnumerable<(string Url, string Type)> endpoints) =>
        Element.Object(
            "discovery",
            Element.DateTime("changeset", changeset),
            Element.String("contact", contact),
            Element.String("key_service", keyService),
            Element.List("endpoints", endpoints.Select(e => Element.Object(
                "endpoint",
                Element.String("specification", Specification),
                Element.String("url", e.Url),
                Element.DateTime("changeset", changeset),
                Element.String("type", e.Type),
                Element.List("formats", [Element.String("format", "text/xml"), Element.String("format", "application/json")])))));
}
