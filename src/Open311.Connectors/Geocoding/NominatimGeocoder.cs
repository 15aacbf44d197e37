using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Outbound;
using Open311.Core.Places;
using static Open311.Core.Places.GeocoderJson;

namespace Open311.Connectors.Geocoding;

/// <summary>
/// Nominatim (OpenStreetMap's geocoder) as the outside geocoder (<c>Geocoder__Provider=Nominatim</c>): free, and a
/// town may run its own. The public server's usage policy is kept here rather than left to configuration: no request
/// without an identifying User-Agent, and at most one request per <see cref="GeocoderOptions.NominatimInterval"/> from
/// the whole process, however many reports arrive at once. A server that cannot be reached or answers nonsense gives
/// no candidates, never an exception.
/// </summary>
/// <remarks>
/// Request and answer as documented at https://nominatim.org/release-docs/latest/api/Search/ and
/// https://nominatim.org/release-docs/latest/api/Output/ (osm-search/Nominatim docs/api/Search.md and Output.md):
/// <c>GET /search?q=…&amp;format=jsonv2&amp;limit=5&amp;addressdetails=0&amp;viewbox=&lt;x1&gt;,&lt;y1&gt;,&lt;x2&gt;,&lt;y2&gt;&amp;bounded=1&amp;countrycodes=us</c>,
/// where the viewbox is any two opposite corners, x longitude and y latitude (we send west,north,east,south), and
/// <c>bounded=1</c> turns it from a preference into a filter. jsonv2 answers a JSON array of places with
/// <c>lat</c>/<c>lon</c> as strings, <c>category</c> and <c>type</c> (the main OSM tag), <c>place_rank</c>,
/// <c>addresstype</c>, <c>importance</c>, <c>display_name</c> and <c>boundingbox</c> as four strings
/// [min lat, max lat, min lon, max lon]. The policy (one request per second, an identifying User-Agent):
/// https://operations.osmfoundation.org/policies/nominatim/.
/// </remarks>
public sealed class NominatimGeocoder(HttpClient http, IOptions<GeocoderOptions> options, TimeProvider time, ILogger<NominatimGeocoder> logger) : IGeocoder
{
    /// <summary>Largest answer read: five places are a few kilobytes.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>Places asked for and kept.</summary>
    public const int Limit = 5;

    private const double MinAccuracy = 10;
    private const double HouseAccuracy = 25;
    private const double StreetAccuracy = 250;
    private const double LocalityAccuracy = 2_500;
    private const double OtherAccuracy = 10_000;

    // One gate per clock. The process has one clock (TimeProvider.System), so production has one gate however many
    // instances the HttpClient factory makes; a test's fake clock gets a gate of its own.
    private static readonly ConditionalWeakTable<TimeProvider, Gate> Gates = new();

    private static readonly HashSet<string> HouseTypes = new(StringComparer.OrdinalIgnoreCase) { "house", "building" };

    private static readonly HashSet<string> LocalityTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "city", "town", "village", "hamlet", "municipality", "borough", "suburb", "quarter", "neighbourhood",
        "city_district", "district", "isolated_dwelling", "croft",
    };

    public string Name => "Nominatim";

    public async Task<IReadOnlyList<GeocodeCandidate>> SearchAsync(GeocodeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return [];
        }

        var settings = options.Value;
        if (UserAgent(settings) is not { } agent)
        {
            logger.LogWarning("Nominatim not asked: its usage policy requires a User-Agent that identifies the application; set Geocoder__NominatimUserAgent");
            return [];
        }

        if (RequestUri(settings.NominatimEndpoint, query) is not { } uri)
        {
            logger.LogWarning("Nominatim not asked: Geocoder__NominatimEndpoint is not an http(s) address");
            return [];
        }

        try
        {
            await WaitTurnAsync(settings.NominatimInterval, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Nominatim answered HTTP {Status}; no candidates", (int)response.StatusCode);
                return [];
            }

            using var document = await response.Content.ReadJsonAsync(MaxAnswerBytes, cancellationToken);
            return Read(document.RootElement, query);
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            logger.LogWarning("Nominatim search failed, no candidates: {Reason}", ex.Message);
            return [];
        }
    }

    /// <summary>The configured User-Agent, or null when there is none fit to send (empty, or with control characters).</summary>
    private static string? UserAgent(GeocoderOptions settings) =>
        settings.NominatimUserAgent?.Trim() is { Length: > 0 } agent && !agent.Any(char.IsControl) ? agent : null;

    private static Uri? RequestUri(string? endpoint, GeocodeQuery query)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var address = string.Create(CultureInfo.InvariantCulture, $"{endpoint.Trim().TrimEnd('/')}/search?q={Uri.EscapeDataString(query.FreeText)}&format=jsonv2&limit={Limit}&addressdetails=0");
        if (query.Box is { } box)
        {
            address += string.Create(CultureInfo.InvariantCulture, $"&viewbox={GeocodeQuery.Degrees(box.West)},{GeocodeQuery.Degrees(box.North)},{GeocodeQuery.Degrees(box.East)},{GeocodeQuery.Degrees(box.South)}&bounded=1");
        }

        if (query.CountryCode is { Length: 2 } country && country.All(char.IsAsciiLetter))
        {
            address += $"&countrycodes={country.ToLowerInvariant()}";
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    /// <summary>Waits until a full interval has passed since the last request from this process, then claims the turn.</summary>
    private async Task WaitTurnAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var gate = Gates.GetValue(time, _ => new Gate());
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            if (gate.Last is { } last && last + interval - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            gate.Last = time.GetUtcNow();
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    private List<GeocodeCandidate> Read(JsonElement root, GeocodeQuery query)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            logger.LogWarning("Nominatim answered something other than a list of places; no candidates");
            return [];
        }

        return GeocoderJson.Ranked(root, Limit, place => Candidate(place, query));
    }

    private static GeocodeCandidate? Candidate(JsonElement place, GeocodeQuery query)
    {
        if (place.ValueKind != JsonValueKind.Object
            || Number(Child(place, "lat")) is not { } lat
            || Number(Child(place, "lon")) is not { } lon
            || lat is < -90 or > 90
            || lon is < -180 or > 180)
        {
            return null;
        }

        // bounded=1 already filters; a server that ignores it does not get to place a report elsewhere.
        if (!query.Contains(lat, lon))
        {
            return null;
        }

        var rank = Number(Child(place, "place_rank")) is { } r ? (int)r : -1;
        var kind = Kind(rank, Text(place, "addresstype"), Text(place, "category"), Text(place, "type"));
        var label = Text(place, "display_name") ?? query.Text;
        return new GeocodeCandidate(lat, lon, Confidence(kind), Accuracy(Child(place, "boundingbox"), kind), kind, label);
    }

    /// <summary>
    /// What was found, from the rank (https://nominatim.org/release-docs/latest/customize/Ranking/: 26–27 streets, 28–30
    /// house numbers, buildings and other points; 13–25 cities down to neighbourhoods) and the address type, which names
    /// the part of an address the place stands for.
    /// </summary>
    private static string Kind(int rank, string? addressType, string? category, string? type)
    {
        if ((addressType is not null && HouseTypes.Contains(addressType))
            || category == "building"
            || (category == "place" && type == "house")
            || rank >= 28)
        {
            return "house";
        }

        if (addressType == "road" || category == "highway" || rank is 26 or 27)
        {
            return "street";
        }

        return (addressType is not null && LocalityTypes.Contains(addressType)) || rank is >= 13 and <= 25 ? "locality" : "other";
    }

    /// <summary>
    /// Nominatim has no confidence of its own, and <c>importance</c> is how prominent a place is, not how well it
    /// matches. What it found says how sure the answer is: a house number or building (0.85, above the default
    /// <see cref="GeocoderOptions.MinConfidence"/> of 0.8) is the address asked for; a street (0.5) means the house
    /// number was not matched, since the free-text search falls back to the street; a town (0.3) or anything else (0.2)
    /// is no address at all. Only a house-level answer is used unattended by default.
    /// </summary>
    private static double Confidence(string kind) => kind switch
    {
        "house" => 0.85,
        "street" => 0.5,
        "locality" => 0.3,
        _ => 0.2,
    };

    /// <summary>Half the diagonal of the place's bounding box (how far it reaches from its point), at least 10 m; else a default for the kind.</summary>
    private static double Accuracy(JsonElement? boundingBox, string kind)
    {
        if (boundingBox is { ValueKind: JsonValueKind.Array } box
            && box.GetArrayLength() == 4
            && Number(box[0]) is { } south
            && Number(box[1]) is { } north
            && Number(box[2]) is { } west
            && Number(box[3]) is { } east)
        {
            return Math.Max(MinAccuracy, GeoDistance.Meters(south, west, north, east) / 2);
        }

        return kind switch
        {
            "house" => HouseAccuracy,
            "street" => StreetAccuracy,
            "locality" => LocalityAccuracy,
            _ => OtherAccuracy,
        };
    }


    /// <summary>What the server or the network did, as opposed to the caller giving up (which still throws).</summary>
    private static bool IsFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or JsonException => true,
        _ => false,
    };

    private sealed class Gate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTimeOffset? Last { get; set; }
    }
}
