using Open311.Core.Protocol;

namespace Open311.Core.Discovery;

/// <summary>The Service Discovery document: where the GeoReport v2 endpoint is and how to get a key.</summary>
public static class DiscoveryDocument
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static Element Create(DateTimeOffset changeset, string contact, string keyService, string endpointUrl, string endpointType) =>
        Element.Object(
            "discovery",
            Element.DateTime("changeset", changeset),
            Element.String("contact", contact),
            Element.String("key_service", keyService),
            Element.List("endpoints", [Element.Object(
                "endpoint",
                Element.String("specification", Specification),
                Element.String("url", endpointUrl),
                Element.DateTime("changeset", changeset),
                Element.String("type", endpointType),
                Element.List("formats", [Element.String("format", "text/xml"), Element.String("format", "application/json")]))]));
}
