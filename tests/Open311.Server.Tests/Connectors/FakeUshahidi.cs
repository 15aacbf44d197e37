using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Open311.Server.Tests.Connectors;

/// <summary>
/// A stand-in Ushahidi deployment on a real loopback socket (no real one can run here), reached through the guarded
/// outbound client with loopback allowed: <c>GET /api/v5/posts</c> and <c>/api/v3/posts</c> in
/// the shapes of the platform's API docs (v5 <c>post_content[].fields[]</c> with <c>{"value":{"lat","lon"}}</c>,
/// v3 <c>values</c> with <c>[{"lon","lat"}]</c>), media as the platform answers it (v5 inside <c>result</c>, as its own
/// <c>media.v5.feature</c> reads it; v3 at the top), survey fields (<c>/api/v3/forms/{id}/attributes</c>), the same
/// filters and paging, and switchable failures.
/// </summary>
public sealed class FakeUshahidi : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeUshahidi(WebApplication app) => this.app = app;

    /// <summary>A complete 1×1 PNG: every post's photo.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string PlatformSecret = "platform-shared-secret";

    public List<int> Posts { get; } = [];

    /// <summary>Posts whose only place is the survey's "Location name" text field: <see cref="PlaceName"/>, no point.</summary>
    public HashSet<int> WithoutPoint { get; } = [];

    public const string PlaceName = "12 Main St";

    /// <summary>Posts edited after creation, with their <c>updated</c> time (never-edited posts have updated = null, as in the platform).</summary>
    public Dictionary<int, DateTimeOffset> Edited { get; } = [];

    /// <summary>Bodies of the write-backs received, by post id (the latest).</summary>
    public Dictionary<int, string> WrittenBack { get; } = [];

    /// <summary>When true, write-backs are answered 503 (the deployment is down for maintenance).</summary>
    public bool WriteBackDown { get; set; }

    /// <summary>When set, every answer is this status (429, 503, or 200 with an HTML page for "html").</summary>
    public string? Failure { get; set; }

    public List<string> Requests { get; } = [];

    public int PhotoDownloads { get; private set; }

    /// <summary>Where it listens: <c>http://127.0.0.1:{port}</c>.</summary>
    public string BaseUrl => app.Urls.First();

    public static async Task<FakeUshahidi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeUshahidi(app);
        app.MapGet("/api/v5/posts", (HttpRequest r) => fake.Answer(r, v5: true));
        app.MapGet("/api/v3/posts", (HttpRequest r) => fake.Answer(r, v5: false));
        app.MapGet("/api/v5/media/{id:int}", (int id) => Results.Json(new JsonObject { ["result"] = fake.Media(id) }));
        app.MapGet("/api/v3/media/{id:int}", (int id) => Results.Json(fake.Media(id)));
        app.MapGet("/api/v3/forms/3/attributes", () => Results.Json(new JsonObject
        {
            ["count"] = 3,
            ["results"] = new JsonArray(
                new JsonObject { ["key"] = "last_location_point", ["label"] = "Location", ["type"] = "point", ["input"] = "location" },
                new JsonObject { ["key"] = "8d2f", ["label"] = "Detailed description", ["type"] = "text", ["input"] = "textarea" },
                new JsonObject { ["key"] = "9a11", ["label"] = "Phone number", ["type"] = "varchar", ["input"] = "text" },
                new JsonObject { ["key"] = "d5e1", ["label"] = "Location name", ["type"] = "varchar", ["input"] = "text" }),
        }));
        app.MapGet("/media/{file}", () =>
        {
            fake.PhotoDownloads++;
            return Results.Bytes(Png, "image/png");
        });
        app.MapPut("/api/v3/webhooks/posts/{id:int}", async (HttpRequest r, int id) =>
        {
            // As the platform's SignatureAuth middleware: HMAC over the full URL + the raw body, with PLATFORM_SHARED_SECRET.
            using var buffer = new MemoryStream();
            await r.Body.CopyToAsync(buffer);
            var url = $"{r.Scheme}://{r.Host}{r.Path}{r.QueryString}";
            var expected = Open311.Connectors.Ushahidi.UshahidiSignature.Compute(PlatformSecret, url, buffer.ToArray());
            if (r.Headers["X-Ushahidi-Signature"] != expected || r.Query["api_key"] != "deployment-api-key")
            {
                return Results.StatusCode(403);
            }

            if (fake.WriteBackDown)
            {
                return Results.StatusCode(503);
            }

            fake.WrittenBack[id] = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            return Results.Json(new JsonObject { ["id"] = id });
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private JsonObject Media(int id) => new()
    {
        ["id"] = id, ["mime"] = "image/png", ["original_file_url"] = $"{BaseUrl}/media/{id}.png", ["original_file_size"] = Png.Length,
    };

    private IResult Answer(HttpRequest request, bool v5)
    {
        Requests.Add(request.Path + request.QueryString);
        switch (Failure)
        {
            case "html":
                return Results.Content("<html><body>Maintenance</body></html>", "text/html");
            case { } status:
                return Results.StatusCode(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
        }

        var q = request.Query;
        var limit = int.Parse(q["limit"].FirstOrDefault() ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        IEnumerable<int> ids = Posts.Order();
        List<int> page;
        if (v5)
        {
            var after = int.Parse(q["created_after_by_id"].FirstOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var number = int.Parse(q["page"].FirstOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            page = ids.Where(i => i > after).Skip((number - 1) * limit).Take(limit).ToList();
            return Results.Json(new JsonObject { ["count"] = page.Count, ["results"] = new JsonArray([.. page.Select(V5Post)]) });
        }

        var offset = int.Parse(q["offset"].FirstOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        if (q["updated_after"].FirstOrDefault() is { } updatedAfter)
        {
            // posts.updated >= strtotime(updated_after), as PostRepository applies it.
            var after = DateTimeOffset.Parse(updatedAfter, System.Globalization.CultureInfo.InvariantCulture);
            ids = Edited.Where(e => e.Value >= after).OrderBy(e => e.Value).Select(e => e.Key);
        }
        else
        {
            ids = ids.Reverse();
        }

        page = ids.Skip(offset).Take(limit).ToList();
        return Results.Json(new JsonObject
        {
            ["count"] = page.Count, ["results"] = new JsonArray([.. page.Select(V3Post)]), ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["offset"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture), ["total_count"] = Posts.Count,
        });
    }

    private JsonNode V5Post(int id) => new JsonObject
    {
        ["id"] = id, ["form_id"] = 3, ["title"] = $"Pothole report {id}", ["content"] = "Deep pothole near the school",
        ["status"] = "published", ["post_date"] = "2026-11-20T10:00:00+00:00", ["categories"] = new JsonArray(12),
        ["post_content"] = new JsonArray(new JsonObject
        {
            ["id"] = 1, ["type"] = "post",
            ["fields"] = new JsonArray(
                new JsonObject { ["id"] = 7, ["key"] = "title", ["type"] = "title", ["input"] = "text", ["value"] = new JsonObject { ["value"] = $"Pothole report {id}" } },
                WithoutPoint.Contains(id)
                    ? new JsonObject { ["id"] = 13, ["key"] = "d5e1", ["label"] = "Location name", ["type"] = "varchar", ["input"] = "text", ["value"] = new JsonObject { ["value"] = PlaceName } }
                    : new JsonObject { ["id"] = 9, ["key"] = "b3d1", ["type"] = "location", ["input"] = "location", ["value"] = new JsonObject { ["value"] = new JsonObject { ["lat"] = 44.2, ["lon"] = -72.57 } } },
                new JsonObject { ["id"] = 10, ["key"] = "8d2f", ["label"] = "Detailed description", ["type"] = "varchar", ["input"] = "textarea", ["value"] = new JsonObject { ["value"] = "Two tyres burst here this week" } },
                new JsonObject { ["id"] = 12, ["key"] = "9a11", ["label"] = "Phone number", ["type"] = "varchar", ["input"] = "text", ["value"] = new JsonObject { ["value"] = "+1 802 555 0199" } },
                new JsonObject { ["id"] = 11, ["key"] = "c4e2", ["type"] = "media", ["input"] = "upload", ["value"] = new JsonObject { ["value"] = new JsonArray(500 + id) } }),
        }),
    };

    private JsonNode V3Post(int id) => new JsonObject
    {
        ["updated"] = Edited.TryGetValue(id, out var updated) ? updated.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture) : null,
        ["id"] = id, ["url"] = $"https://crisis.example.org/api/v3/posts/{id}", ["form"] = new JsonObject { ["id"] = 3 }, ["type"] = "report",
        ["title"] = Edited.ContainsKey(id) ? $"Pothole report {id} (edited)" : $"Pothole report {id}", ["content"] = "Deep pothole near the school", ["status"] = "published",
        ["created"] = "2026-11-20T10:00:00+00:00", ["post_date"] = "2026-11-20T10:00:00+00:00",
        ["values"] = WithoutPoint.Contains(id)
            ? new JsonObject { ["d5e1"] = new JsonArray(PlaceName), ["8d2f"] = new JsonArray("Two tyres burst here this week") }
            : new JsonObject
            {
                ["last_location_point"] = new JsonArray(new JsonObject { ["lon"] = -72.57, ["lat"] = 44.2 }),
                ["8d2f"] = new JsonArray("Two tyres burst here this week"),
                ["9a11"] = new JsonArray("+1 802 555 0199"),
            },
        ["tags"] = new JsonArray(new JsonObject { ["id"] = 12, ["url"] = "https://crisis.example.org/api/v3/tags/12" }),
    };
}
