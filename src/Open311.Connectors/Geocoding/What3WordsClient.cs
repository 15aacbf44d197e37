using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Outbound;
using Open311.Core.Places;

namespace Open311.Connectors.Geocoding;

/// <summary>
/// Turns a what3words address a resident wrote (<c>///filled.count.soap</c>) into the centre of its 3 m square, when
/// <c>Geocoder__What3WordsKey</c> is set. The key is a paid account's credential, so it travels only in the
/// <c>X-Api-Key</c> header (never in a URL, which ends up in request logs and telemetry), and nothing this class
/// logs contains it. Words that are not an address, or a service that cannot be reached, give no point, never an exception.
/// </summary>
/// <remarks>
/// Request and answer as documented at https://developer.what3words.com/public-api/docs (convert-to-coordinates;
/// error handling): <c>GET {endpoint}/v3/convert-to-coordinates?words=filled.count.soap&amp;format=json</c> with the key
/// as <c>key=</c> or, as here, the <c>X-Api-Key</c> header. The answer is
/// <c>{"country":…,"square":{"southwest":{"lng","lat"},"northeast":{"lng","lat"}},"nearestPlace":…,"coordinates":{"lng","lat"},"words":…,"language":…,"map":…}</c>;
/// an error is an HTTP 4xx/5xx with <c>{"error":{"code":"BadWords","message":…}}</c> (other codes: MissingKey,
/// InvalidKey, QuotaExceeded…).
/// </remarks>
public sealed partial class What3WordsClient(HttpClient http, IOptions<GeocoderOptions> options, ILogger<What3WordsClient> logger) : IWhat3Words
{
    /// <summary>Largest answer read: a conversion is a few hundred bytes.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    /// <summary>A what3words square is 3 m by 3 m.</summary>
    public const double SquareMeters = 3;

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.What3WordsKey);

    public async Task<TextPoint?> ConvertAsync(string words, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.What3WordsKey?.Trim() is not { Length: > 0 } key)
        {
            return null;
        }

        if (Address(words) is not { } address)
        {
            logger.LogDebug("Not a what3words address; not converted");
            return null;
        }

        if (RequestUri(settings.What3WordsEndpoint, address) is not { } uri)
        {
            logger.LogWarning("what3words not asked: Geocoder__What3WordsEndpoint is not an http(s) address");
            return null;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadBytesAsync(MaxAnswerBytes, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var code = ErrorCode(body);
                if (code == "BadWords")
                {
                    logger.LogInformation("what3words does not know ///{Words}", address);
                }
                else
                {
                    logger.LogWarning("what3words answered HTTP {Status} ({Code}); ///{Words} not converted", (int)response.StatusCode, Redact(code ?? "no error code", key), address);
                }

                return null;
            }

            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            if (Point(document.RootElement, address) is { } point)
            {
                return point;
            }

            logger.LogWarning("what3words answered without coordinates for ///{Words}", address);
            return null;
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            logger.LogWarning("what3words conversion of ///{Words} failed: {Reason}", address, Redact(ex.Message, key));
            return null;
        }
    }

    /// <summary>The three words without their slashes, or null when the text is not three words joined by dots.</summary>
    private static string? Address(string? words)
    {
        var text = (words ?? string.Empty).Trim().TrimStart('/');
        return ThreeWords().IsMatch(text) ? text.ToLowerInvariant() : null;
    }

    private static Uri? RequestUri(string? endpoint, string address)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var text = $"{endpoint.Trim().TrimEnd('/')}/v3/convert-to-coordinates?words={Uri.EscapeDataString(address)}&format=json";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private static TextPoint? Point(JsonElement root, string address)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("coordinates", out var coordinates)
            || Number(coordinates, "lat") is not { } lat
            || Number(coordinates, "lng") is not { } lng
            || lat is < -90 or > 90
            || lng is < -180 or > 180)
        {
            return null;
        }

        var words = root.TryGetProperty("words", out var w) && w.ValueKind == JsonValueKind.String && w.GetString() is { Length: > 0 } answered
            ? answered
            : address;
        return new TextPoint(lat, lng, SquareMeters, $"the what3words address ///{words}", Ambiguous: false);
    }

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetDouble(out var number)
        && double.IsFinite(number)
            ? number
            : null;

    /// <summary>The <c>error.code</c> of an error answer, or null when the body is not one.</summary>
    private static string? ErrorCode(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The key never leaves in a log line, even if a message somewhere were to echo it.</summary>
    private static string Redact(string text, string key) => text.Replace(key, "[key]", StringComparison.Ordinal);

    /// <summary>What the service or the network did, as opposed to the caller giving up (which still throws).</summary>
    private static bool IsFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or JsonException => true,
        _ => false,
    };

    // Three words of letters joined by dots, or by the Japanese middle dot the API also accepts.
    [GeneratedRegex(@"^[\p{L}\p{M}]{1,40}[.\u30FB][\p{L}\p{M}]{1,40}[.\u30FB][\p{L}\p{M}]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThreeWords();
}
