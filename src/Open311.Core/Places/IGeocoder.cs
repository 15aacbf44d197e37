namespace Open311.Core.Places;

/// <summary>
/// A geocoding service for what the town's own address points cannot answer (Azure Maps, Nominatim), used only when
/// configured (<c>Geocoder__Provider</c>). Every call goes through the guarded outbound client.
/// </summary>
public interface IGeocoder
{
    /// <summary>Its name for the intake record's reason: "Azure Maps", "Nominatim".</summary>
    string Name { get; }

    /// <summary>
    /// Candidates for a free-text address, best first (at most five). An unusable answer or a service that cannot be
    /// reached yields none; it never throws for what the service did.
    /// </summary>
    Task<IReadOnlyList<GeocodeCandidate>> SearchAsync(GeocodeQuery query, CancellationToken cancellationToken);
}
