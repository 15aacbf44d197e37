using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Connectors.Ushahidi;

namespace Open311.Chaos;

/// <summary>
/// The clients: writers POST reports and retry the same report (same fixmystreet_id, as FixMyStreet does) until it
/// is acknowledged; readers list and read; webhook senders deliver signed Ushahidi posts and retry on 503.
/// </summary>
public sealed class Load(string baseUrl, string apiKey, Ledger ledger, Stopwatch clock)
{
    public const string WebhookUrl = "https://hub.example.org/open311/connectors/ushahidi/chaos/webhook";
    public const string WebhookSecret = "chaos-secret";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private int nextPost;

    public long RestartedAtTicks { get; set; } = long.MaxValue;

    public int UnavailableWithoutRetryAfter;

    public async Task WriteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var marker = Guid.NewGuid().ToString("N");
            Interlocked.Increment(ref ledger.Sent);
            for (var attempt = 0; !stop.IsCancellationRequested && attempt < 30; attempt++)
            {
                var form = new FormUrlEncodedContent(
                [
                    new("api_key", apiKey), new("service_code", "pothole"), new("lat", "44.2"), new("long", "-72.57"),
                    new("attribute[size]", "large"), new("attribute[fixmystreet_id]", marker), new("description", "chaos " + marker),
                    new("email", "chaos@example.org"),
                ]);
                var (status, body, wait) = await SendAsync(HttpMethod.Post, $"{baseUrl}/open311/v2/requests.json", form);
                if (status == 200)
                {
                    ledger.Acknowledged[marker] = JsonNode.Parse(body)![0]!["service_request_id"]!.GetValue<string>();
                    if (clock.ElapsedTicks > RestartedAtTicks)
                    {
                        Interlocked.CompareExchange(ref ledger.FirstAckAfterRestartTicks, clock.ElapsedTicks, 0);
                    }

                    break;
                }

                await Task.Delay(wait ?? TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }
        }
    }

    public async Task ReadAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var ids = ledger.Acknowledged.Values.Take(50).ToList();
            var url = ids.Count > 0 && Random.Shared.Next(2) == 0
                ? $"{baseUrl}/open311/v2/requests/{ids[Random.Shared.Next(ids.Count)]}.json"
                : $"{baseUrl}/open311/v2/requests.json?page_size=50";
            var (_, _, wait) = await SendAsync(HttpMethod.Get, url, null);
            await Task.Delay(wait is null ? TimeSpan.FromMilliseconds(20) : TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }
    }

    public async Task DeliverAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var id = Interlocked.Increment(ref nextPost);
            Interlocked.Increment(ref ledger.Posts);
            var post = string.Create(CultureInfo.InvariantCulture, $$"""{"id":{{id}},"title":"Chaos pothole {{id}}","content":"Deep pothole","values":{"loc":[{"lon":-72.57,"lat":44.2}]},"tags":[12]}""");
            for (var attempt = 0; !stop.IsCancellationRequested && attempt < 30; attempt++)
            {
                var content = new StringContent(post, Encoding.UTF8, "application/json");
                var (status, _, wait) = await SendAsync(HttpMethod.Post, $"{baseUrl}/open311/connectors/ushahidi/chaos/webhook", content, UshahidiSignature.Compute(WebhookSecret, WebhookUrl, Encoding.UTF8.GetBytes(post)));
                if (status == 202)
                {
                    ledger.Delivered[id] = true;
                    break;
                }

                await Task.Delay(wait ?? TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }
        }
    }

    private async Task<(int Status, string Body, TimeSpan? Wait)> SendAsync(HttpMethod method, string url, HttpContent? content, string? signature = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", signature);
        }

        try
        {
            using var response = await Http.SendAsync(request);
            var status = (int)response.StatusCode;
            ledger.Count(status);
            if (status == 503 && response.Headers.RetryAfter is null)
            {
                Interlocked.Increment(ref UnavailableWithoutRetryAfter);
            }

            return (status, await response.Content.ReadAsStringAsync(), status is 503 or 429 ? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1) : status >= 500 ? TimeSpan.FromSeconds(1) : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref ledger.NetworkErrors);
            return (0, string.Empty, TimeSpan.FromSeconds(1));
        }
    }
}
