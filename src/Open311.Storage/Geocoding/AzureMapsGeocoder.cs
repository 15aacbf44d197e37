using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Outbound;
using Open311.Core.Places;
using static Open311.Core.Places.GeocoderJson;

namespace Open311.Storage.Geocoding;

/// <summary>
/// Azure Maps as the outside geocoder (<c>Geocoder__Provider=AzureMaps</c>), for addresses the town's own address points
/// do not know: its current Search API, <c>GET {endpoint}/geocode?api-version=2025-01-01</c>, through the guarded
/// outbound client, signed with the account's shared key or, without one, the app's Entra ID identity. It lives here,
/// beside the other Azure adapters, because the identity comes from Azure.Identity, which the API project does not
/// reference. A service that cannot be reached or answers nonsense gives no candidates, never an exception.
/// </summary>
/// <remarks>
/// The request and the answer follow the REST reference "Search - Get Geocoding" (api-version 2025-01-01),
/// https://learn.microsoft.com/rest/api/maps/search/get-geocoding?view=rest-maps-2025-01-01, checked against its
/// OpenAPI source, azure-rest-api-specs specification/maps/data-plane/Search/stable/2025-01-01/search.json and the
/// example ForwardGeocodingByQuery.json: a GeoJSON FeatureCollection whose features carry
/// <c>geometry.coordinates = [lon, lat]</c>, <c>bbox = [west, south, east, north]</c> and <c>properties</c> with
/// <c>type</c> (Address, RoadBlock, RoadIntersection, Neighborhood, PopulatedPlace, Postcode1, AdminDivision1,
/// AdminDivision2, CountryRegion), <c>confidence</c> (High, Medium, Low), <c>matchCodes</c> (Good, Ambiguous,
/// UpHierarchy), <c>address.formattedAddress</c>, <c>address.countryRegion.ISO</c> and <c>geocodePoints[].calculationMethod</c>.
/// Shared key: header <c>subscription-key</c>; Entra ID: a bearer token for <c>https://atlas.microsoft.com/.default</c>
/// plus <c>x-ms-client-id</c>, which the reference says that security scheme requires.
/// </remarks>
public sealed class AzureMapsGeocoder(HttpClient http, IOptions<GeocoderOptions> options, TokenCredential credential, ILogger<AzureMapsGeocoder> logger) : IGeocoder
{
    public const string ApiVersion = "2025-01-01";

    /// <summary>Largest answer read: five features are a few kilobytes; anything near this is not a geocoding answer.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>Candidates asked for and kept (the service's own default, and <see cref="IGeocoder"/>'s promise).</summary>
    public const int Top = 5;

    private const double MinAccuracy = 10;
    private const double RooftopAccuracy = 10;
    private const double InterpolatedAccuracy = 30;
    private const double HouseAccuracy = 25;
    private const double StreetAccuracy = 250;
    private const double LocalityAccuracy = 2_500;
    private const double OtherAccuracy = 10_000;

    private static readonly string[] Scopes = ["https://atlas.microsoft.com/.default"];

    public string Name => "Azure Maps";

    public async Task<IReadOnlyList<GeocodeCandidate>> SearchAsync(GeocodeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return [];
        }

        var settings = options.Value;
        if (RequestUri(settings.AzureMapsEndpoint, query) is not { } uri)
        {
            logger.LogWarning("Azure Maps geocoding is not configured: Geocoder__AzureMapsEndpoint is not an http(s) address");
            return [];
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (!await AuthorizeAsync(request, settings, cancellationToken))
            {
                return [];
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Azure Maps geocoding answered HTTP {Status}; no candidates", (int)response.StatusCode);
                return [];
            }

            using var document = await response.Content.ReadJsonAsync(MaxAnswerBytes, cancellationToken);
            return Read(document.RootElement, query);
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            logger.LogWarning("Azure Maps geocoding failed, no candidates: {Reason}", ex.Message);
            return [];
        }
    }

    /// <summary>
    /// The free-text query with the town's name added when the resident left it out. The structured parameters
    /// (<c>locality</c>, <c>countryRegion</c>) are not sent: the reference says not to combine them with <c>query</c>;
    /// the country is checked on the answers instead, and the box is sent as <c>bbox</c>, which only ranks, so
    /// answers outside it are dropped here.
    /// </summary>
    private static Uri? RequestUri(string? endpoint, GeocodeQuery query)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var address = string.Create(CultureInfo.InvariantCulture, $"{endpoint.Trim().TrimEnd('/')}/geocode?api-version={ApiVersion}&query={Uri.EscapeDataString(query.FreeText)}&top={Top}");
        if (query.Box is { } box)
        {
            address += string.Create(CultureInfo.InvariantCulture, $"&bbox={GeocodeQuery.Degrees(box.West)},{GeocodeQuery.Degrees(box.South)},{GeocodeQuery.Degrees(box.East)},{GeocodeQuery.Degrees(box.North)}");
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private async Task<bool> AuthorizeAsync(HttpRequestMessage request, GeocoderOptions settings, CancellationToken cancellationToken)
    {
        if (settings.AzureMapsKey is { } key && !string.IsNullOrWhiteSpace(key))
        {
            request.Headers.TryAddWithoutValidation("subscription-key", key.Trim());
            return true;
        }

        if (settings.AzureMapsAccountClientId is not { } account || string.IsNullOrWhiteSpace(account))
        {
            logger.LogWarning("Azure Maps geocoding is not configured: set Geocoder__AzureMapsKey, or Geocoder__AzureMapsAccountClientId to sign in with an identity");
            return false;
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        request.Headers.TryAddWithoutValidation("x-ms-client-id", account.Trim());
        return true;
    }

    private List<GeocodeCandidate> Read(JsonElement root, GeocodeQuery query)
    {
        if (Child(root, "features") is not { ValueKind: JsonValueKind.Array } features)
        {
            logger.LogWarning("Azure Maps geocoding answered something other than a FeatureCollection; no candidates");
            return [];
        }

        return GeocoderJson.Ranked(features, Top, feature => Candidate(feature, query));
    }

    private static GeocodeCandidate? Candidate(JsonElement feature, GeocodeQuery query)
    {
        // GeoJSON order: longitude first.
        if (Child(Child(feature, "geometry"), "coordinates") is not { ValueKind: JsonValueKind.Array } coordinates
            || coordinates.GetArrayLength() < 2
            || Number(coordinates[0]) is not { } lon
            || Number(coordinates[1]) is not { } lat
            || lat is < -90 or > 90
            || lon is < -180 or > 180)
        {
            return null;
        }

        if (!query.Contains(lat, lon))
        {
            return null;
        }

        var properties = Child(feature, "properties");
        var address = Child(properties, "address");
        if (query.CountryCode is { Length: > 0 } country
            && Text(Child(address, "countryRegion"), "ISO") is { } iso
            && !string.Equals(iso, country, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var kind = Kind(Text(properties, "type"));
        var label = Text(address, "formattedAddress") ?? Text(address, "addressLine") ?? Text(properties, "type") ?? query.Text;
        return new GeocodeCandidate(lat, lon, Confidence(properties), Accuracy(feature, properties, kind), kind, label);
    }

    /// <summary>
    /// The service's three words on our 0–1 scale. High is "one or more strong matches"; Medium is what the reference
    /// gives an ambiguous or up-hierarchy answer (a street when the house number was not found); Low is the rest.
    /// 0.9 / 0.6 / 0.3 put only High above the default <see cref="GeocoderOptions.MinConfidence"/> of 0.8, so an
    /// answer is used unattended only when the service itself is sure. An answer the service marks Ambiguous or
    /// UpHierarchy is never treated as High, whatever its confidence says: a confident wrong place is worse than none.
    /// </summary>
    private static double Confidence(JsonElement? properties)
    {
        var confidence = Text(properties, "confidence") switch
        {
            { } c when c.Equals("High", StringComparison.OrdinalIgnoreCase) => 0.9,
            { } c when c.Equals("Medium", StringComparison.OrdinalIgnoreCase) => 0.6,
            _ => 0.3,
        };
        var hedged = Child(properties, "matchCodes") is { ValueKind: JsonValueKind.Array } codes
            && codes.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String
                && (c.ValueEquals("Ambiguous") || c.ValueEquals("UpHierarchy")));
        return hedged ? Math.Min(confidence, 0.6) : confidence;
    }

    private static string Kind(string? type) => type?.ToUpperInvariant() switch
    {
        "ADDRESS" => "house",
        "ROADBLOCK" or "ROADINTERSECTION" or "STREET" => "street",
        "POPULATEDPLACE" or "NEIGHBORHOOD" => "locality",
        _ => "other",
    };

    /// <summary>
    /// How far the point may be from the place. For an address the feature's bbox is a viewport around it (the
    /// reference's rooftop example has one about 1.2 km wide), so its precision comes from how the point was computed:
    /// rooftop or parcel, else interpolated along the street. For a street, a town or anything larger, half the bbox's
    /// diagonal is how far the place reaches from its point; without a bbox, a default for the kind.
    /// </summary>
    private static double Accuracy(JsonElement feature, JsonElement? properties, string kind)
    {
        if (kind == "house")
        {
            var methods = Child(properties, "geocodePoints") is { ValueKind: JsonValueKind.Array } points
                ? points.EnumerateArray().Select(p => Text(p, "calculationMethod")).OfType<string>().ToList()
                : [];
            return methods.Any(m => m is "Rooftop" or "Parcel") ? RooftopAccuracy
                : methods.Any(m => m.StartsWith("Interpolation", StringComparison.Ordinal)) ? InterpolatedAccuracy
                : HouseAccuracy;
        }

        if (Child(feature, "bbox") is { ValueKind: JsonValueKind.Array } bbox
            && bbox.GetArrayLength() == 4
            && Number(bbox[0]) is { } west
            && Number(bbox[1]) is { } south
            && Number(bbox[2]) is { } east
            && Number(bbox[3]) is { } north)
        {
            return Math.Max(MinAccuracy, GeoDistance.Meters(south, west, north, east) / 2);
        }

        return kind switch
        {
            "street" => StreetAccuracy,
            "locality" => LocalityAccuracy,
            _ => OtherAccuracy,
        };
    }


    /// <summary>What the service or the network did, as opposed to the caller giving up (which still throws).</summary>
    private static bool IsFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or JsonException or AuthenticationFailedException or RequestFailedException => true,
        _ => false,
    };
}
