using System.Text.Json;

namespace Open311.Core.Jurisdictions.Documents;

/// <summary>
/// A bulk import: a GeoJSON FeatureCollection and how its properties map onto jurisdictions. Each feature becomes
/// (or updates) jurisdiction <c>{id_prefix}{id}</c>; services, remote endpoint and contact of an existing one are kept.
/// </summary>
public sealed class ImportDocument
{
    /// <summary>Property holding the id; <c>$id</c> (the default) means the feature's own <c>id</c> member.</summary>
    public string? IdProperty { get; set; }

    /// <summary>Property holding the name (default <c>name</c>).</summary>
    public string? NameProperty { get; set; }

    public string? IdPrefix { get; set; }

    /// <summary>The tier of every feature (e.g. county), unless <see cref="TierProperty"/> names a property holding it.</summary>
    public string? Tier { get; set; }

    public string? TierProperty { get; set; }

    public string? Timezone { get; set; }

    public JsonElement? Features { get; set; }
}
