namespace Open311.Core.Places;

/// <summary>
/// Configuration section <c>Geocoder</c>. <c>Geocoder__Provider</c> is <c>AzureMaps</c> or <c>Nominatim</c>; unset, no
/// outside service is asked and an address that the town's gazetteer does not know stays <c>needs_location</c>.
/// </summary>
public sealed class GeocoderOptions
{
    public const string Section = "Geocoder";

    public string? Provider { get; set; }

    /// <summary>Candidates below this confidence (0 to 1) are not used.</summary>
    public double MinConfidence { get; set; } = 0.8;

    /// <summary>Azure Maps: the account's shared key (<c>subscription-key</c>); leave empty to sign in with an identity.</summary>
    public string? AzureMapsKey { get; set; }

    /// <summary>Azure Maps with Entra ID: the Maps account's client id (its <c>uniqueId</c>, sent as <c>x-ms-client-id</c>).</summary>
    public string? AzureMapsAccountClientId { get; set; }

    /// <summary>Azure Maps with Entra ID: the user-assigned identity's client id; empty: the default credential chain.</summary>
    public string? AzureMapsIdentityClientId { get; set; }

    /// <summary>Azure Maps' address; its global endpoint by default.</summary>
    public string AzureMapsEndpoint { get; set; } = "https://atlas.microsoft.com";

    /// <summary>Nominatim's address: a self-hosted one, or the public https://nominatim.openstreetmap.org (its usage policy applies).</summary>
    public string? NominatimEndpoint { get; set; }

    /// <summary>Nominatim's policy wants an identifying User-Agent with a way to reach the operator, e.g. "Riverton 311 (311@riverton.example)".</summary>
    public string? NominatimUserAgent { get; set; }

    /// <summary>At most one request per this interval to Nominatim (the public server's policy: one per second).</summary>
    public TimeSpan NominatimInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>what3words: an API key turns ///three.word.addresses in reports into points; empty, they are not read.</summary>
    public string? What3WordsKey { get; set; }

    public string What3WordsEndpoint { get; set; } = "https://api.what3words.com";
}
