using System.Globalization;
using System.Text.Json;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// The Mastodon poller against a stand-in instance that follows the documentation: the hashtag timeline
/// (docs.joinmastodon.org/methods/timelines/#tag — <c>min_id</c> returns the statuses immediately newer than it,
/// newest first within the page as Mastodon's <c>Paginable</c> reverses them; <c>limit</c> at most 40; a
/// <c>Link</c> header with <c>rel="next"</c> (<c>max_id</c>) and <c>rel="prev"</c> (<c>min_id</c>)) and the rate-limit
/// headers (docs.joinmastodon.org/api/rate-limits — <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c> as an ISO
/// time). The statuses are our own, in the Status entity's shape.
/// </summary>
public sealed class MastodonPolling : IAsyncLifetime
{
    private const string Source = """{"type":"social","network":"mastodon","instance":"{instance}","hashtag":"riverton311"}""";

    private readonly SocialStandIn instance = new();
    private readonly PollRig rig = new();

    /// <summary>The statuses carrying the hashtag, by id (numbers of equal length, as Mastodon's snowflakes are).</summary>
    private readonly List<long> statuses = [];

    /// <summary>When set, the answer to the request with this min_id (or to every request, with "*").</summary>
    private (string MinId, StandInAnswer Answer)? failure;

    private string remaining = "299";

    public Task InitializeAsync()
    {
        instance.Answer = Timeline;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await instance.DisposeAsync();

    private static long Id(int n) => 110_000_000_000_000_000 + n;

    private static string IdText(int n) => Id(n).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task AFirstRunTakesTheNewestPageOnlyAndStartsFromItsNewestStatus()
    {
        statuses.AddRange(Enumerable.Range(1, 100).Select(Id));

        var result = await rig.PollAsync(Configured());

        Assert.Equal(40, result.Processed);
        Assert.Null(result.Stopped);
        var request = Assert.Single(instance.Requests);
        Assert.Equal("/api/v1/timelines/tag/riverton311", request.Path);
        Assert.Equal("40", request.Query["limit"]);
        Assert.Null(request.Query["min_id"]);
        Assert.Equal(Enumerable.Range(61, 40).Select(IdText), rig.AcceptedIds);
        Assert.Equal(IdText(100), await rig.CursorAsync());
    }

    [Fact]
    public async Task NewStatusesArePagedForwardFromTheCursorWithASaveAfterEveryPage()
    {
        statuses.AddRange(Enumerable.Range(1, 100).Select(Id));
        await rig.StartFromAsync(IdText(10));

        var result = await rig.PollAsync(Configured());

        Assert.Equal(90, result.Processed);
        Assert.Null(result.Stopped);
        Assert.Equal([IdText(10), IdText(50), IdText(90)], instance.Requests.Select(r => r.Query["min_id"]));
        Assert.Equal([IdText(50), IdText(90), IdText(100)], rig.Store.Saved);
        Assert.Equal(Enumerable.Range(11, 90).Select(IdText), rig.AcceptedIds);
    }

    [Fact]
    public async Task IdsAreComparedAsNumbersNotAsText()
    {
        statuses.AddRange([999, 1000, 1001]);
        await rig.StartFromAsync("998");

        var result = await rig.PollAsync(Configured());

        Assert.Equal(3, result.Processed);
        Assert.Equal("1001", await rig.CursorAsync());
    }

    [Fact]
    public async Task ARateLimitedInstanceStopsTheRunNamingTheResetAndTheNextRunResumesFromTheCursor()
    {
        statuses.AddRange(Enumerable.Range(1, 100).Select(Id));
        await rig.StartFromAsync(IdText(10));
        failure = (IdText(50), new StandInAnswer(429, """{"error":"Too many requests"}""")
        {
            Headers = ["X-RateLimit-Limit: 300", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 2026-08-01T14:00:00.070144Z"],
        });

        var stopped = await rig.PollAsync(Configured());
        failure = null;
        var resumed = await rig.PollAsync(Configured());

        Assert.Equal(40, stopped.Processed);
        Assert.Contains("429", stopped.Stopped, StringComparison.Ordinal);
        Assert.Contains("2026-08-01T14:00:00Z", stopped.Stopped, StringComparison.Ordinal);
        Assert.Equal(50, resumed.Processed);
        Assert.Null(resumed.Stopped);
        Assert.Equal([IdText(10), IdText(50), IdText(50), IdText(90)], instance.Requests.Select(r => r.Query["min_id"]));
        Assert.Equal(Enumerable.Range(11, 90).Select(IdText), rig.AcceptedIds);
        Assert.Equal(IdText(100), await rig.CursorAsync());
    }

    [Fact]
    public async Task NoRequestsLeftEndsTheRunAfterThePageInHand()
    {
        statuses.AddRange(Enumerable.Range(1, 100).Select(Id));
        await rig.StartFromAsync(IdText(10));
        remaining = "0";

        var result = await rig.PollAsync(Configured());

        Assert.Equal(40, result.Processed);
        Assert.Contains("until 2026-08-01T14:00:00Z", result.Stopped, StringComparison.Ordinal);
        Assert.Single(instance.Requests);
        Assert.Equal([IdText(50)], rig.Store.Saved);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("timeout")]
    [InlineData("unauthorized")]
    public async Task AnHtmlPageATimeoutOrARefusalEndsTheRunAndKeepsTheCursor(string kind)
    {
        statuses.AddRange(Enumerable.Range(1, 100).Select(Id));
        await rig.StartFromAsync(IdText(10));
        rig.Options.Timeout = kind == "timeout" ? TimeSpan.FromSeconds(2) : rig.Options.Timeout;
        failure = ("*", kind switch
        {
            "html" => new StandInAnswer(200, "<!DOCTYPE html><html><body>Down for maintenance</body></html>", "text/html; charset=utf-8"),
            "timeout" => StandInAnswer.Json("[]") with { Delay = TimeSpan.FromSeconds(30) },
            _ => new StandInAnswer(401, """{"error":"The access token is invalid"}"""),
        });

        var result = await rig.PollAsync(Configured());

        Assert.Equal(0, result.Processed);
        Assert.Contains(kind switch { "html" => "text/html, not JSON", "timeout" => "did not answer within", _ => "401 (The access token is invalid)" }, result.Stopped, StringComparison.Ordinal);
        Assert.Empty(rig.Store.Saved);
        Assert.Equal(IdText(10), await rig.CursorAsync());
    }

    [Fact]
    public async Task ASourceWithoutAHashtagIsNotPolledAndIsToldWhatIsMissing()
    {
        var source = PollRig.Source($$"""{"type":"social","network":"mastodon","instance":"{{instance.BaseUrl}}"}""");

        var result = await rig.PollAsync(source);

        Assert.False(rig.Poller().Polls(source));
        Assert.Equal("not polled: Mastodon polling needs instance, hashtag; missing: hashtag", result.Stopped);
        Assert.Empty(instance.Requests);
    }

    private Open311.Core.Intake.SourceDocument Configured() => PollRig.Source(Source.Replace("{instance}", instance.BaseUrl, StringComparison.Ordinal));

    /// <summary>The hashtag timeline as Mastodon serves it: min_id pages forward, else the newest page; newest first either way.</summary>
    private StandInAnswer Timeline(StandInRequest request)
    {
        var minId = request.Query["min_id"];
        if (failure is { } f && (f.MinId == "*" || f.MinId == minId))
        {
            return f.Answer;
        }

        if (request.Path != "/api/v1/timelines/tag/riverton311")
        {
            return new StandInAnswer(404, """{"error":"Record not found"}""");
        }

        var limit = Math.Min(40, int.Parse(request.Query["limit"] ?? "20", CultureInfo.InvariantCulture));
        var sorted = statuses.Order().ToList();
        var page = minId is null
            ? sorted.TakeLast(limit).ToList()
            : sorted.Where(id => id > long.Parse(minId, CultureInfo.InvariantCulture)).Take(limit).ToList();
        page.Reverse();
        var link = page.Count == 0
            ? []
            : new[] { $"Link: <{instance.BaseUrl}/api/v1/timelines/tag/riverton311?max_id={page[^1]}>; rel=\"next\", <{instance.BaseUrl}/api/v1/timelines/tag/riverton311?min_id={page[0]}>; rel=\"prev\"" };
        return StandInAnswer.Json(
            "[" + string.Join(",", page.Select(Status)) + "]",
            [.. link, "X-RateLimit-Limit: 300", $"X-RateLimit-Remaining: {remaining}", "X-RateLimit-Reset: 2026-08-01T14:00:00.070144Z"]);
    }

    private static string Status(long id) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["created_at"] = "2026-05-04T08:15:00.000Z",
        ["in_reply_to_id"] = null,
        ["in_reply_to_account_id"] = null,
        ["sensitive"] = false,
        ["spoiler_text"] = string.Empty,
        ["visibility"] = "public",
        ["language"] = "en",
        ["uri"] = $"https://social.riverton.example/users/resident/statuses/{id}",
        ["url"] = $"https://social.riverton.example/@resident/{id}",
        ["replies_count"] = 0,
        ["reblogs_count"] = 0,
        ["favourites_count"] = 0,
        ["edited_at"] = null,
        ["content"] = $"<p>Streetlight {id} is out on Elm St <a href=\"https://social.riverton.example/tags/riverton311\" class=\"mention hashtag\" rel=\"tag\">#<span>riverton311</span></a></p>",
        ["reblog"] = null,
        ["account"] = new Dictionary<string, object?>
        {
            ["id"] = "7",
            ["username"] = "resident",
            ["acct"] = "resident",
            ["display_name"] = "A Resident",
            ["url"] = "https://social.riverton.example/@resident",
        },
        ["media_attachments"] = Array.Empty<object>(),
        ["mentions"] = Array.Empty<object>(),
        ["tags"] = new[] { new Dictionary<string, string> { ["name"] = "riverton311", ["url"] = "https://social.riverton.example/tags/riverton311" } },
        ["emojis"] = Array.Empty<object>(),
        ["card"] = null,
        ["poll"] = null,
    });
}
