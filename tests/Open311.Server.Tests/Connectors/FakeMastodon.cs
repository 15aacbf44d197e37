using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Open311.Server.Tests.Connectors;

/// <summary>
/// A stand-in Mastodon instance on a loopback socket (no real one runs here), in the shapes of the API docs
/// (docs.joinmastodon.org: <c>GET /api/v1/timelines/tag/:hashtag</c> with <c>min_id</c> and the
/// <c>x-ratelimit-*</c> headers, <c>POST /api/v1/statuses</c> with a bearer token and <c>Idempotency-Key</c>,
/// <c>GET /api/v1/statuses/:id/context</c> → <c>{ancestors, descendants}</c>; entities/Status). Its statuses are our own.
/// </summary>
public sealed class FakeMastodon : IAsyncDisposable
{
    public const string Token = "posting-token-0123456789";

    private readonly WebApplication app;

    private FakeMastodon(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First();

    /// <summary>The hashtag timeline, newest first, as the instance holds it.</summary>
    public List<JsonObject> Timeline { get; } = [];

    /// <summary>Replies in each status's thread (its context's descendants).</summary>
    public ConcurrentDictionary<string, List<JsonObject>> Threads { get; } = new();

    /// <summary>What our server posted: the form or JSON fields, plus the Idempotency-Key and Authorization headers.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Posted { get; } = new();

    public static async Task<FakeMastodon> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeMastodon(app);
        app.MapGet("/api/v1/timelines/tag/{tag}", (HttpRequest r, HttpResponse response) =>
        {
            var minId = r.Query["min_id"].FirstOrDefault();
            response.Headers["x-ratelimit-limit"] = "300";
            response.Headers["x-ratelimit-remaining"] = "299";
            response.Headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
            var page = fake.Timeline.Where(s => minId is null || Compare(s["id"]!.GetValue<string>(), minId) > 0).ToList();
            return Results.Text(new JsonArray([.. page.Select(s => s.DeepClone())]).ToJsonString(), "application/json");
        });
        app.MapPost("/api/v1/statuses", async (HttpRequest r) =>
        {
            var fields = new Dictionary<string, string>();
            if (r.HasFormContentType)
            {
                foreach (var (key, value) in await r.ReadFormAsync())
                {
                    fields[key] = value.ToString();
                }
            }
            else
            {
                foreach (var (key, value) in (await JsonNode.ParseAsync(r.Body))!.AsObject())
                {
                    fields[key] = value?.ToString() ?? string.Empty;
                }
            }

            fields["Idempotency-Key"] = r.Headers["Idempotency-Key"].ToString();
            fields["Authorization"] = r.Headers.Authorization.ToString();
            fake.Posted.Enqueue(fields);
            return r.Headers.Authorization.ToString() == $"Bearer {Token}"
                ? Results.Json(new JsonObject { ["id"] = "113999000000000001", ["visibility"] = fields.GetValueOrDefault("visibility") })
                : Results.Json(new JsonObject { ["error"] = "The access token is invalid" }, statusCode: 401);
        });
        app.MapGet("/api/v1/statuses/{id}/context", (HttpRequest r, string id) =>
            r.Headers.Authorization.ToString() != $"Bearer {Token}"
                ? Results.Json(new JsonObject { ["error"] = "This action is outside the authorized scopes" }, statusCode: 403)
                : Results.Text(new JsonObject { ["ancestors"] = new JsonArray(), ["descendants"] = new JsonArray([.. fake.Threads.GetValueOrDefault(id, []).Select(s => s.DeepClone())]) }.ToJsonString(), "application/json"));
        await app.StartAsync();
        return fake;
    }

    /// <summary>A public status as entities/Status describes it, by one of the town's residents.</summary>
    public static JsonObject Status(string id, string html, string acct = "pat", string? inReplyTo = null, string visibility = "public") => new()
    {
        ["id"] = id,
        ["created_at"] = "2026-11-27T10:00:00.000Z",
        ["in_reply_to_id"] = inReplyTo,
        ["in_reply_to_account_id"] = inReplyTo is null ? null : "110000000000000009",
        ["sensitive"] = false,
        ["spoiler_text"] = string.Empty,
        ["visibility"] = visibility,
        ["language"] = "en",
        ["uri"] = $"https://town.social/users/{acct}/statuses/{id}",
        ["url"] = $"https://town.social/@{acct}/{id}",
        ["replies_count"] = 0,
        ["reblogs_count"] = 0,
        ["favourites_count"] = 0,
        ["edited_at"] = null,
        ["content"] = html,
        ["reblog"] = null,
        ["account"] = new JsonObject { ["id"] = "110000000000000042", ["username"] = acct, ["acct"] = acct, ["display_name"] = "Pat Resident", ["url"] = $"https://town.social/@{acct}" },
        ["media_attachments"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
        ["tags"] = new JsonArray(new JsonObject { ["name"] = "riverton311", ["url"] = "https://town.social/tags/riverton311" }),
        ["emojis"] = new JsonArray(),
        ["card"] = null,
        ["poll"] = null,
    };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static int Compare(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
}
