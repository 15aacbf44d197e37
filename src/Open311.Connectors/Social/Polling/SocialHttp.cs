using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Open311.Core.Outbound;

namespace Open311.Connectors.Social;

/// <summary>
/// One request to a network, the same way for every poller and reply: a timeout that covers reading the answer, the
/// answer read within a bound, an error status or an HTML page turned into a sentence a person can act on, and the
/// three spellings of rate-limit headers read (Mastodon <c>x-ratelimit-*</c> with an ISO reset time, X
/// <c>x-rate-limit-*</c> and Bluesky <c>ratelimit-*</c> with epoch seconds).
/// </summary>
internal static class SocialHttp
{
    /// <summary>A page of 100 posts with their expansions is well under a megabyte; a network that sends more is cut off.</summary>
    public const int MaxAnswerBytes = 8 * 1024 * 1024;

    private const int MaxErrorBytes = 64 * 1024;

    private static readonly string[] RemainingHeaders = ["x-ratelimit-remaining", "x-rate-limit-remaining", "ratelimit-remaining"];

    private static readonly string[] ResetHeaders = ["x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset"];

    /// <exception cref="SocialAnswerException">An error status (its message names the rate-limit reset for a 429).</exception>
    /// <exception cref="FormatException">An answer that is not JSON (an HTML page).</exception>
    /// <exception cref="TimeoutException">No whole answer within <paramref name="timeout"/>.</exception>
    public static async Task<SocialAnswer> SendAsync(HttpClient http, HttpRequestMessage request, string what, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        request.Headers.Accept.ParseAdd("application/json");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var reset = ResetAt(response, time);
            if (!response.IsSuccessStatusCode)
            {
                var (detail, body) = await ErrorAsync(response.Content, limit.Token);
                throw new SocialAnswerException(Refusal(what, response.StatusCode, detail, reset), response.StatusCode, body);
            }

            if (response.Content.Headers.ContentType?.MediaType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"{what} answered {type}, not JSON (is the address right?)");
            }

            var bytes = await response.Content.ReadBytesAsync(MaxAnswerBytes, limit.Token);
            return new SocialAnswer(bytes, Remaining(response) == 0, reset, Header(response, "Link"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not answer within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }

    /// <summary>JSON request content with a known length (a stand-in or proxy need not take a chunked body).</summary>
    public static ByteArrayContent Json<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The reason a run stopped because the window is used up, naming when it refills.</summary>
    public static string NoRequestsLeft(string what, DateTimeOffset? reset) =>
        $"{what} allows no more requests {(reset is { } r ? $"until {Iso(r)}" : "for now")}; the next run continues from the cursor";

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 (Mastodon), epoch seconds (X, Bluesky) or seconds from now (the IETF draft the headers come from).</summary>
    public static DateTimeOffset? ParseReset(string value, DateTimeOffset now)
    {
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n switch
            {
                > 253_402_300_799 => null,
                > 1_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(n),
                _ => now.AddSeconds(n),
            };
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    private static DateTimeOffset? ResetAt(HttpResponseMessage response, TimeProvider time)
    {
        var now = time.GetUtcNow();
        foreach (var name in ResetHeaders)
        {
            if (Header(response, name) is { } value && ParseReset(value, now) is { } at)
            {
                return at;
            }
        }

        return response.Headers.RetryAfter switch
        {
            { Date: { } date } => date,
            { Delta: { } delta } => now + delta,
            _ => null,
        };
    }

    private static int? Remaining(HttpResponseMessage response)
    {
        foreach (var name in RemainingHeaders)
        {
            if (Header(response, name) is { } value && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
        }

        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static string Refusal(string what, HttpStatusCode status, string? detail, DateTimeOffset? reset)
    {
        var text = $"{what} answered {(int)status}{(detail is null ? string.Empty : $" ({detail})")}";
        return status == HttpStatusCode.TooManyRequests
            ? $"{text}: rate limited{(reset is { } r ? $" until {Iso(r)}" : string.Empty)}; the next run continues from the cursor"
            : text;
    }

    /// <summary>What an error answer says, shortened for a reason (and its start, for callers that look closer).</summary>
    private static async Task<(string? Detail, string? Body)> ErrorAsync(HttpContent content, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await content.ReadBytesAsync(MaxErrorBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }

        var body = Encoding.UTF8.GetString(bytes);
        if (content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || body.TrimStart().StartsWith('<'))
        {
            return ("an HTML page", body);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return (Shorten(Describe(document.RootElement)), body);
        }
        catch (JsonException)
        {
            return (Shorten(body), body);
        }
    }

    /// <summary>Mastodon <c>{error}</c>, atproto <c>{error, message}</c>, X <c>{title, detail, errors[{message}]}</c>.</summary>
    private static string? Describe(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new[] { "error", "title", "message", "detail", "error_description" }
            .Select(name => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .OfType<string>()
            .ToList();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && errors[0].ValueKind == JsonValueKind.Object && errors[0].TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
        {
            parts.Add(m.GetString()!);
        }

        return parts.Count == 0 ? null : string.Join(": ", parts.Distinct(StringComparer.Ordinal));
    }

    private static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
