namespace Open311.Core.Jurisdictions.Documents;

/// <summary>The <c>remote</c> member of a jurisdiction document: an Open311 endpoint elsewhere.</summary>
public sealed class RemoteDocument
{
    /// <summary>GeoReport v2 base URL, e.g. https://311.city.gov/open311/v2 (services.json is appended).</summary>
    public string? Endpoint { get; set; }

    public string? JurisdictionId { get; set; }

    /// <summary>Our key at that endpoint; never shown by GET (write-only).</summary>
    public string? ApiKey { get; set; }

    /// <summary>json (default) or xml.</summary>
    public string? Format { get; set; }

    public string? Discovery { get; set; }

    /// <summary>Set by the catalogue sync: when <c>services</c> was last copied from the endpoint.</summary>
    public DateTimeOffset? SyncedAt { get; set; }
}
