using System.Text.Json;

namespace Open311.Core.Jurisdictions.Documents;

/// <summary>A town's whole configuration as the manage API reads and writes it (snake_case JSON).</summary>
public sealed class JurisdictionDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Tier { get; set; }

    /// <summary>IANA zone (America/Chicago): date-only query parameters mean midnight there.</summary>
    public string? Timezone { get; set; }

    public string? Contact { get; set; }

    public string? KeyService { get; set; }

    /// <summary>GeoJSON Polygon or MultiPolygon (or a Feature holding one), WGS84 longitude/latitude.</summary>
    public JsonElement? Boundary { get; set; }

    public List<ServiceDocument>? Services { get; set; }

    /// <summary>Set for a jurisdiction hosted elsewhere; its services are then synced from that endpoint.</summary>
    public RemoteDocument? Remote { get; set; }

    /// <summary>Set by the server on every write.</summary>
    public DateTimeOffset? Changeset { get; set; }
}
