using System.Collections.Concurrent;
using System.Net;
using System.Web;
using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Open311.Core.Outbound;
using Open311.Core.Places;
using Open311.Storage.Geocoding;
using Open311.Testing;

namespace Open311.Server.Tests.Geocoding;

/// <summary>
/// The Azure Maps geocoder against a stand-in on loopback (no Azure Maps runs here), recorded from the REST reference
/// "Search - Get Geocoding", api-version 2025-01-01
/// (https://learn.microsoft.com/rest/api/maps/search/get-geocoding?view=rest-maps-2025-01-01, and its OpenAPI source in
/// azure-rest-api-specs, specification/maps/data-plane/Search/stable/2025-01-01/search.json): it answers a GeoJSON
/// FeatureCollection in the documented shape. The sample features are our own, written in that shape. Entra ID cannot
/// run here either, so the token comes from a fixed credential; the headers are read where the client hands the
/// request to the guard.
/// </summary>
public sealed class AzureMapsGeocoding : IAsyncLifetime
{
    private const string Key = "maps-shared-key-for-the-stand-in";
    private const string Account = "6f0c2f4e-1b7d-4c43-9a57-0d5d0c1e8a11";

    // "12 Main St, Riverton": the house (rooftop), the street (the service went up the hierarchy) and the town.
    private const string ThreePlaces = """
        {
          "type": "FeatureCollection",
          "features": [
            {
              "type": "Feature",
              "properties": {
                "type": "Address",
                "confidence": "High",
                "matchCodes": ["Good"],
                "address": {
                  "addressLine": "12 Main St",
                  "streetName": "Main St",
                  "streetNumber": "12",
                  "locality": "Riverton",
                  "adminDistricts": [{ "shortName": "VT" }, { "shortName": "Washington County" }],
                  "postalCode": "05602",
                  "countryRegion": { "ISO": "US", "name": "United States" },
                  "formattedAddress": "12 Main St, Riverton, VT 05602"
                },
                "geocodePoints": [
                  {
                    "geometry": { "type": "Point", "coordinates": [-72.575402, 44.260135] },
                    "calculationMethod": "Rooftop",
                    "usageTypes": ["Display"]
                  }
                ]
              },
              "geometry": { "type": "Point", "coordinates": [-72.575402, 44.260135] },
              "bbox": [-72.58305, 44.25627, -72.56775, 44.264]
            },
            {
              "type": "Feature",
              "properties": {
                "type": "RoadBlock",
                "confidence": "Medium",
                "matchCodes": ["UpHierarchy"],
                "address": {
                  "streetName": "Main St",
                  "locality": "Riverton",
                  "countryRegion": { "ISO": "US", "name": "United States" },
                  "formattedAddress": "Main St, Riverton, VT 05602"
                }
              },
              "geometry": { "type": "Point", "coordinates": [-72.5761, 44.2612] },
              "bbox": [-72.579, 44.2581, -72.5735, 44.2642]
            },
            {
              "type": "Feature",
              "properties": {
                "type": "PopulatedPlace",
                "confidence": "Low",
                "matchCodes": ["Good"],
                "address": {
                  "locality": "Riverton",
                  "countryRegion": { "ISO": "US", "name": "United States" },
                  "formattedAddress": "Riverton, VT"
                }
              },
              "geometry": { "type": "Point", "coordinates": [-72.5754, 44.2601] },
              "bbox": [-72.64, 44.22, -72.52, 44.3]
            }
          ]
        }
        """;

    private static readonly GeocodeQuery Query = new("12 Main St", "Riverton", "US", -72.7, 44.1, -72.4, 44.4);

    private readonly LoopbackHttpServer maps = new(IPAddress.Loopback);
    private readonly ConcurrentQueue<string> paths = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> sent = new();
    private readonly FixedToken token = new();

    public Task InitializeAsync()
    {
        Answer("200 OK", ThreePlaces);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await maps.DisposeAsync();

    [Fact]
    public async Task TheSharedKeyGoesInTheSubscriptionKeyHeaderWithTheDocumentedQuery()
    {
        await Geocoder(key: Key).SearchAsync(Query, CancellationToken.None);

        var path = Assert.Single(paths);
        var query = HttpUtility.ParseQueryString(new Uri("http://stand.in" + path).Query);
        Assert.StartsWith("/geocode?", path, StringComparison.Ordinal);
        Assert.Equal("2025-01-01", query["api-version"]);
        Assert.Equal("12 Main St, Riverton", query["query"]);
        Assert.Equal("5", query["top"]);
        Assert.Equal("-72.7,44.1,-72.4,44.4", query["bbox"]);
        var headers = Assert.Single(sent);
        Assert.Equal(Key, headers["subscription-key"]);
        Assert.DoesNotContain("Authorization", headers);
        Assert.Empty(token.Scopes);
    }

    [Fact]
    public async Task WithoutAKeyTheIdentitysTokenAndTheAccountsClientIdAreSent()
    {
        await Geocoder(key: null).SearchAsync(Query, CancellationToken.None);

        var headers = Assert.Single(sent);
        Assert.Equal("Bearer token-from-the-managed-identity", headers["Authorization"]);
        Assert.Equal(Account, headers["x-ms-client-id"]);
        Assert.DoesNotContain("subscription-key", headers);
        Assert.Equal("https://atlas.microsoft.com/.default", Assert.Single(Assert.Single(token.Scopes)));
    }

    [Fact]
    public async Task WithNeitherAKeyNorTheAccountsClientIdNothingIsAsked()
    {
        var candidates = await Geocoder(key: null, account: null).SearchAsync(Query, CancellationToken.None);

        Assert.Empty(candidates);
        Assert.Equal(0, maps.Connections);
    }

    [Fact]
    public async Task HighMediumAndLowBecomeConfidencesAndKindsComeFromTheType()
    {
        var candidates = await Geocoder().SearchAsync(Query, CancellationToken.None);

        Assert.Equal(["house", "street", "locality"], candidates.Select(c => c.Kind));
        Assert.Equal([0.9, 0.6, 0.3], candidates.Select(c => c.Confidence));
        Assert.Equal(["12 Main St, Riverton, VT 05602", "Main St, Riverton, VT 05602", "Riverton, VT"], candidates.Select(c => c.Label));
    }

    [Fact]
    public async Task CoordinatesAreReadLongitudeFirst()
    {
        var house = (await Geocoder().SearchAsync(Query, CancellationToken.None))[0];

        Assert.Equal((44.260135, -72.575402), (house.Lat, house.Long));
    }

    [Fact]
    public async Task ARooftopAddressIsPreciseAndAStreetReachesAsFarAsItsBox()
    {
        var candidates = await Geocoder().SearchAsync(Query, CancellationToken.None);

        // The address's bbox is a viewport of about a kilometre; its rooftop point is what makes it precise.
        Assert.Equal(10, candidates[0].AccuracyMeters);
        Assert.InRange(candidates[1].AccuracyMeters, 300, 500);
        Assert.InRange(candidates[2].AccuracyMeters, 6_000, 7_000);
    }

    [Fact]
    public async Task AnAnswerTheServiceMarksAmbiguousIsNeverHigh()
    {
        Answer("200 OK", """
            {
              "type": "FeatureCollection",
              "features": [
                {
                  "type": "Feature",
                  "properties": { "type": "Address", "confidence": "High", "matchCodes": ["Ambiguous"], "address": { "formattedAddress": "12 N Main St, Riverton, VT 05602" } },
                  "geometry": { "type": "Point", "coordinates": [-72.5754, 44.2651] }
                }
              ]
            }
            """);

        var candidate = Assert.Single(await Geocoder().SearchAsync(Query, CancellationToken.None));

        Assert.Equal(0.6, candidate.Confidence);
    }

    [Fact]
    public async Task AnAnswerOutsideTheBoxIsLeftOut()
    {
        Answer("200 OK", """
            {
              "type": "FeatureCollection",
              "features": [
                {
                  "type": "Feature",
                  "properties": { "type": "Address", "confidence": "High", "matchCodes": ["Good"], "address": { "formattedAddress": "12 Main St, Paris, TX 75460" } },
                  "geometry": { "type": "Point", "coordinates": [-95.5555, 33.6609] }
                }
              ]
            }
            """);

        Assert.Empty(await Geocoder().SearchAsync(Query, CancellationToken.None));
    }

    [Theory]
    [InlineData("500 Internal Server Error", "application/json", """{"error":{"code":"InternalServerError","message":"An error occurred."}}""")]
    [InlineData("401 Unauthorized", "application/json", """{"error":{"code":"401 Unauthorized","message":"Invalid subscription key."}}""")]
    [InlineData("200 OK", "text/html", "<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>")]
    [InlineData("200 OK", "text/plain", "not json at all")]
    [InlineData("200 OK", "application/geo+json", """{"type":"FeatureCollection","features":"none"}""")]
    [InlineData("200 OK", "application/geo+json", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":["east","north"]}}]}""")]
    public async Task AnAnswerThatIsNotFeaturesGivesNoCandidates(string status, string contentType, string body)
    {
        Answer(status, body, contentType);

        Assert.Empty(await Geocoder().SearchAsync(Query, CancellationToken.None));
    }

    [Fact]
    public async Task AHugeAnswerIsNotReadAndGivesNoCandidates()
    {
        Answer("200 OK", """{"type":"FeatureCollection","features":[""" + new string(' ', (2 * AzureMapsGeocoder.MaxAnswerBytes) + 1) + "]}");

        Assert.Empty(await Geocoder().SearchAsync(Query, CancellationToken.None));
    }

    [Fact]
    public async Task AnAddressTheGuardRefusesGivesNoCandidates()
    {
        var candidates = await Geocoder(endpoint: "http://127.0.0.2:9").SearchAsync(Query, CancellationToken.None);

        Assert.Empty(candidates);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotSwallowed()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Geocoder().SearchAsync(Query, new CancellationToken(canceled: true)));
    }

    private void Answer(string status, string body, string contentType = "application/geo+json") =>
        maps.Respond = (path, stream, ct) =>
        {
            paths.Enqueue(path);
            return LoopbackHttpServer.WriteAsync(stream, status, body, ct, $"Content-Type: {contentType}\r\n");
        };

    private AzureMapsGeocoder Geocoder(string? key = Key, string? account = Account, string? endpoint = null) => new(
        new HttpClient(new Recorder(sent, new GuardedHttpHandler(new OutboundOptions { AllowedNetworks = "127.0.0.1/32" }))),
        Options.Create(new GeocoderOptions
        {
            Provider = "AzureMaps",
            AzureMapsEndpoint = endpoint ?? $"http://127.0.0.1:{maps.Port}",
            AzureMapsKey = key,
            AzureMapsAccountClientId = account,
        }),
        token,
        NullLogger<AzureMapsGeocoder>.Instance);

    /// <summary>Notes the headers of each request as the client hands it to the guard, which puts them on the wire unchanged.</summary>
    private sealed class Recorder(ConcurrentQueue<IReadOnlyDictionary<string, string>> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.Headers.ToDictionary(h => h.Key, h => string.Join(" ", h.Value), StringComparer.OrdinalIgnoreCase));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FixedToken : TokenCredential
    {
        public ConcurrentQueue<string[]> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Enqueue(requestContext.Scopes);
            return new("token-from-the-managed-identity", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
