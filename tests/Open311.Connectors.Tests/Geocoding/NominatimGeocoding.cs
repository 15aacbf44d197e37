using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Open311.Connectors.Geocoding;
using Open311.Core.Outbound;
using Open311.Core.Places;
using Open311.Testing;

namespace Open311.Connectors.Tests.Geocoding;

/// <summary>
/// The Nominatim geocoder against a stand-in on loopback, recorded from Nominatim's API documentation
/// (https://nominatim.org/release-docs/latest/api/Search/ and https://nominatim.org/release-docs/latest/api/Output/,
/// format=jsonv2): a JSON array of places with lat, lon and boundingbox as strings, place_rank, category, type and
/// addresstype. The sample places are our own, written in that shape. The clock is a fake one, so the usage policy's
/// one request per interval is checked by moving the clock, not by waiting; the User-Agent is read where the client
/// hands the request to the guard.
/// </summary>
public sealed class NominatimGeocoding : IAsyncLifetime
{
    private const string Agent = "Riverton 311 (311@riverton.example)";

    // "12 Main St, Riverton": the house, the street (the house number alone not matched) and the town.
    private const string ThreePlaces = """
        [
          {
            "place_id": 310441,
            "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
            "osm_type": "way",
            "osm_id": 71120034,
            "lat": "44.2601350",
            "lon": "-72.5754020",
            "category": "building",
            "type": "house",
            "place_rank": 30,
            "importance": 0.00001,
            "addresstype": "building",
            "name": "",
            "display_name": "12, Main Street, Riverton, Washington County, Vermont, 05602, United States",
            "boundingbox": ["44.2600850", "44.2601850", "-72.5754720", "-72.5753320"]
          },
          {
            "place_id": 310502,
            "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
            "osm_type": "way",
            "osm_id": 71120101,
            "lat": "44.2612000",
            "lon": "-72.5761000",
            "category": "highway",
            "type": "residential",
            "place_rank": 26,
            "importance": 0.05334,
            "addresstype": "road",
            "name": "Main Street",
            "display_name": "Main Street, Riverton, Washington County, Vermont, 05602, United States",
            "boundingbox": ["44.2581000", "44.2642000", "-72.5790000", "-72.5735000"]
          },
          {
            "place_id": 298110,
            "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
            "osm_type": "relation",
            "osm_id": 2061155,
            "lat": "44.2601000",
            "lon": "-72.5754000",
            "category": "boundary",
            "type": "administrative",
            "place_rank": 16,
            "importance": 0.4127,
            "addresstype": "town",
            "name": "Riverton",
            "display_name": "Riverton, Washington County, Vermont, United States",
            "boundingbox": ["44.2200000", "44.3000000", "-72.6400000", "-72.5200000"]
          }
        ]
        """;

    private static readonly GeocodeQuery Query = new("12 Main St", "Riverton", "US", -72.7, 44.1, -72.4, 44.4);

    private readonly LoopbackHttpServer nominatim = new(IPAddress.Loopback);
    private readonly ConcurrentQueue<string> paths = new();
    private readonly ConcurrentQueue<string> agents = new();

    public Task InitializeAsync()
    {
        Answer("200 OK", ThreePlaces);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await nominatim.DisposeAsync();

    [Fact]
    public async Task TheSearchIsAskedInTheDocumentedFormWithTheConfiguredUserAgent()
    {
        await Geocoder().SearchAsync(Query, CancellationToken.None);

        var path = Assert.Single(paths);
        var query = HttpUtility.ParseQueryString(new Uri("http://stand.in" + path).Query);
        Assert.StartsWith("/search?", path, StringComparison.Ordinal);
        Assert.Equal("12 Main St, Riverton", query["q"]);
        Assert.Equal("jsonv2", query["format"]);
        Assert.Equal("5", query["limit"]);
        Assert.Equal("0", query["addressdetails"]);
        Assert.Equal("-72.7,44.4,-72.4,44.1", query["viewbox"]);
        Assert.Equal("1", query["bounded"]);
        Assert.Equal("us", query["countrycodes"]);
        Assert.Equal(Agent, Assert.Single(agents));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task WithoutAUserAgentNominatimIsNotAskedAtAll(string? agent)
    {
        var candidates = await Geocoder(agent: agent).SearchAsync(Query, CancellationToken.None);

        Assert.Empty(candidates);
        Assert.Equal(0, nominatim.Connections);
    }

    [Fact]
    public async Task ASecondSearchWaitsUntilTheIntervalHasPassed()
    {
        var clock = new FakeTimeProvider();
        var geocoder = Geocoder(clock);

        await geocoder.SearchAsync(Query, CancellationToken.None);
        var second = geocoder.SearchAsync(Query, CancellationToken.None);

        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.False(second.IsCompleted);
        Assert.Equal(1, nominatim.Connections);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.NotEmpty(await second);
        Assert.Equal(2, nominatim.Connections);
    }

    [Fact]
    public async Task AHouseIsSureEnoughAStreetAndATownAreNot()
    {
        var candidates = await Geocoder().SearchAsync(Query, CancellationToken.None);

        Assert.Equal(["house", "street", "locality"], candidates.Select(c => c.Kind));
        Assert.Equal([0.85, 0.5, 0.3], candidates.Select(c => c.Confidence));
        Assert.Equal("12, Main Street, Riverton, Washington County, Vermont, 05602, United States", candidates[0].Label);
    }

    [Fact]
    public async Task AccuracyIsHowFarThePlacesBoxReachesAndNeverUnderTenMetres()
    {
        var candidates = await Geocoder().SearchAsync(Query, CancellationToken.None);

        Assert.Equal(10, candidates[0].AccuracyMeters);
        Assert.InRange(candidates[1].AccuracyMeters, 300, 500);
        Assert.InRange(candidates[2].AccuracyMeters, 6_000, 7_000);
    }

    [Fact]
    public async Task CoordinatesWrittenAsStringsAreReadTheSameInAnyCulture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = comma;
        try
        {
            var house = (await Geocoder().SearchAsync(Query, CancellationToken.None))[0];

            Assert.Equal((44.260135, -72.575402), (house.Lat, house.Long));
            Assert.Contains("viewbox=-72.7,44.4,-72.4,44.1&", Assert.Single(paths), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task APlaceOutsideTheBoxIsLeftOutEvenIfTheServerSendsIt()
    {
        Answer("200 OK", """
            [
              {
                "place_id": 88120,
                "lat": "33.6609",
                "lon": "-95.5555",
                "category": "place",
                "type": "house",
                "place_rank": 30,
                "addresstype": "place",
                "display_name": "12, Main Street, Paris, Lamar County, Texas, 75460, United States",
                "boundingbox": ["33.6608", "33.6610", "-95.5556", "-95.5554"]
              }
            ]
            """);

        Assert.Empty(await Geocoder().SearchAsync(Query, CancellationToken.None));
    }

    [Theory]
    [InlineData("500 Internal Server Error", "text/html", "<html><body>Internal Server Error</body></html>")]
    [InlineData("429 Too Many Requests", "text/html", "<html><body>Too many requests</body></html>")]
    [InlineData("400 Bad Request", "application/json", """{"error":{"code":400,"message":"Parameter 'viewbox' must be a list of four numbers."}}""")]
    [InlineData("200 OK", "text/html", "<!DOCTYPE html><html><body><p>Nominatim search</p></body></html>")]
    [InlineData("200 OK", "text/plain", "not json at all")]
    [InlineData("200 OK", "application/json", """{"error":"Unable to geocode"}""")]
    [InlineData("200 OK", "application/json", """[{"place_id":1,"lat":"north","lon":"west","place_rank":30}]""")]
    public async Task AnAnswerThatIsNotPlacesGivesNoCandidates(string status, string contentType, string body)
    {
        Answer(status, body, contentType);

        Assert.Empty(await Geocoder().SearchAsync(Query, CancellationToken.None));
    }

    [Fact]
    public async Task AHugeAnswerIsNotReadAndGivesNoCandidates()
    {
        Answer("200 OK", "[" + new string(' ', (2 * NominatimGeocoder.MaxAnswerBytes) + 1) + "]");

        Assert.Empty(await Geocoder().SearchAsync(Query, CancellationToken.None));
    }

    [Fact]
    public async Task AnAddressTheGuardRefusesGivesNoCandidates()
    {
        Assert.Empty(await Geocoder(endpoint: "http://127.0.0.2:9").SearchAsync(Query, CancellationToken.None));
    }

    [Fact]
    public async Task TheCallersCancellationIsNotSwallowed()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Geocoder().SearchAsync(Query, new CancellationToken(canceled: true)));
        Assert.Equal(0, nominatim.Connections);
    }

    private void Answer(string status, string body, string contentType = "application/json") =>
        nominatim.Respond = (path, stream, ct) =>
        {
            paths.Enqueue(path);
            return LoopbackHttpServer.WriteAsync(stream, status, body, ct, $"Content-Type: {contentType}; charset=utf-8\r\n");
        };

    /// <summary>A geocoder with its own fake clock unless one is given: a clock has one gate, so tests never wait on each other.</summary>
    private NominatimGeocoder Geocoder(TimeProvider? clock = null, string? agent = Agent, string? endpoint = null) => new(
        new HttpClient(new Recorder(agents, new GuardedHttpHandler(new OutboundOptions { AllowedNetworks = "127.0.0.1/32" }))),
        Options.Create(new GeocoderOptions
        {
            Provider = "Nominatim",
            NominatimEndpoint = endpoint ?? $"http://127.0.0.1:{nominatim.Port}",
            NominatimUserAgent = agent,
            NominatimInterval = TimeSpan.FromSeconds(1),
        }),
        clock ?? new FakeTimeProvider(),
        NullLogger<NominatimGeocoder>.Instance);

    /// <summary>Notes the User-Agent of each request as the client hands it to the guard, which puts it on the wire unchanged.</summary>
    private sealed class Recorder(ConcurrentQueue<string> agents, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            agents.Enqueue(request.Headers.TryGetValues("User-Agent", out var values) ? string.Join(" ", values) : string.Empty);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
