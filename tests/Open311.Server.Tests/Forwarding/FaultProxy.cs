using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Open311.Server.Tests.Forwarding;

/// <summary>
/// A fault-injecting proxy on loopback in front of a remote city (a second instance of our server): each request
/// takes the next fault queued for its method and path prefix — dropped connection, an answer lost after the city
/// committed (forwarded, then held past the client's timeout), 500, 429 with Retry-After, an HTML error page, a 404 (a route the city lacks) — and
/// is passed through when none is queued. Faults can also be aimed at one report, by a marker in the body. It can also hide the city's external-id attribute, to play a city that
/// cannot dedupe.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    public const string Drop = "drop";
    public const string LostAnswer = "lost-answer";
    public const string ServerError = "500";
    public const string TooMany = "429";
    public const string HtmlPage = "html";
    public const string NotFound = "404";

    private readonly WebApplication app;
    private readonly HttpClient city;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> faults = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> bodyFaults = new();

    private FaultProxy(WebApplication app, string cityUrl)
    {
        this.app = app;
        city = new HttpClient { BaseAddress = new Uri(cityUrl) };
    }

    public string BaseUrl => app.Urls.First();

    public bool HideExternalIdAttribute { get; set; }

    public TimeSpan LostAnswerDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Faults queued and not played yet.</summary>
    public int PendingFaults => faults.Values.Concat(bodyFaults.Values).Sum(q => q.Count);

    /// <summary>Every request that reached the proxy: "METHOD path".</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    public static async Task<FaultProxy> StartAsync(string cityUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FaultProxy(app, cityUrl);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        return proxy;
    }

    /// <summary>Queues faults for requests whose "METHOD path" starts with <paramref name="prefix"/> (e.g. "POST /open311/v2/requests").</summary>
    public void Fail(string prefix, params string[] kinds)
    {
        var queue = faults.GetOrAdd(prefix, _ => new ConcurrentQueue<string>());
        foreach (var kind in kinds)
        {
            queue.Enqueue(kind);
        }
    }

    /// <summary>Queues faults for requests whose body contains <paramref name="marker"/> (one report's reference line); these go first.</summary>
    public void FailWhenBodyContains(string marker, params string[] kinds)
    {
        var queue = bodyFaults.GetOrAdd(marker, _ => new ConcurrentQueue<string>());
        foreach (var kind in kinds)
        {
            queue.Enqueue(kind);
        }
    }

    public async ValueTask DisposeAsync()
    {
        city.Dispose();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var key = $"{context.Request.Method} {context.Request.Path}";
        Seen.Enqueue(key);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var text = Uri.UnescapeDataString(System.Text.Encoding.UTF8.GetString(body.ToArray()).Replace('+', ' '));
        var fault = bodyFaults.Where(f => text.Contains(f.Key, StringComparison.Ordinal)).Select(f => f.Value.TryDequeue(out var kind) ? kind : null).FirstOrDefault(k => k is not null)
            ?? faults.Where(f => key.StartsWith(f.Key, StringComparison.Ordinal)).Select(f => f.Value.TryDequeue(out var kind) ? kind : null).FirstOrDefault(k => k is not null);
        switch (fault)
        {
            case Drop:
                context.Abort();
                return;
            case ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Internal Server Error");
                return;
            case TooMany:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new[] { new { code = 429, description = "Slow down" } });
                return;
            case NotFound:
                context.Response.StatusCode = 404;
                context.Response.ContentType = "text/xml";
                await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code><description>Not found</description></error></errors>");
                return;
            case HtmlPage:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>");
                return;
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (body.Length > 0)
        {
            forwarded.Content = new ByteArrayContent(body.ToArray());
            forwarded.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }

        using var answer = await city.SendAsync(forwarded);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        if (fault == LostAnswer)
        {
            // The city has filed it; the answer comes too late for the client, which gives up.
            await Task.Delay(LostAnswerDelay);
        }

        if (HideExternalIdAttribute && key.StartsWith("GET /open311/v2/services/", StringComparison.Ordinal) && key.EndsWith(".json", StringComparison.Ordinal))
        {
            var definition = JsonNode.Parse(bytes)!;
            var attributes = definition["attributes"]!.AsArray();
            foreach (var attribute in attributes.Where(a => a!["code"]!.GetValue<string>() == "fixmystreet_id").ToList())
            {
                attributes.Remove(attribute);
            }

            bytes = System.Text.Encoding.UTF8.GetBytes(definition.ToJsonString());
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(bytes);
    }
}
