using System.Text.Json.Nodes;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// The Bluesky poller against <see cref="BlueskyStandIn"/>, which follows the lexicons of
/// <c>com.atproto.server.createSession</c> and <c>app.bsky.feed.searchPosts</c> (since/until on <c>sortAt</c>, newest
/// first, an opaque cursor) and the rate-limit headers of docs.bsky.app/docs/advanced-guides/rate-limits.
/// </summary>
public sealed class BlueskyPolling : IAsyncLifetime
{
    private readonly BlueskyStandIn bluesky = new();
    private readonly PollRig rig = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bluesky.DisposeAsync();

    private Open311.Core.Intake.SourceDocument Configured(string password = BlueskyStandIn.AppPassword) =>
        PollRig.Source(new JsonObject
        {
            ["type"] = "social",
            ["network"] = "bluesky",
            ["service"] = bluesky.BaseUrl,
            ["identifier"] = BlueskyStandIn.Identifier,
            ["app_password"] = password,
            ["hashtag"] = "riverton311",
        }.ToJsonString());

    private async Task<DateTimeOffset?> SinceAsync() =>
        await rig.CursorAsync() is { } cursor && JsonNode.Parse(cursor)!["since"] is { } since ? DateTimeOffset.Parse(since.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;

    [Fact]
    public async Task SignsInOnceSearchesWithTheTokenAndKeepsTheNewestTimeAsTheCursor()
    {
        bluesky.Add([.. Enumerable.Range(1, 50)]);

        var first = await rig.PollAsync(Configured());
        bluesky.Add(51, 52, 53);
        var second = await rig.PollAsync(Configured());

        Assert.Equal((50, 3), (first.Processed, second.Processed));
        Assert.Null(second.Stopped);
        var signIn = Assert.Single(bluesky.Calls("com.atproto.server.createSession"));
        var credentials = JsonNode.Parse(signIn.Body)!;
        Assert.Equal(BlueskyStandIn.Identifier, (string?)credentials["identifier"]);
        Assert.Equal(BlueskyStandIn.AppPassword, (string?)credentials["password"]);
        var searches = bluesky.Calls("app.bsky.feed.searchPosts").ToList();
        Assert.Equal(2, searches.Count);
        Assert.All(searches, s => Assert.Equal($"Bearer {bluesky.AccessJwt}", s.Header("Authorization")));
        Assert.Equal("#riverton311", searches[0].Query["q"]);
        Assert.Equal("riverton311", searches[0].Query["tag"]);
        Assert.Equal("latest", searches[0].Query["sort"]);
        Assert.Equal("100", searches[0].Query["limit"]);
        Assert.Null(searches[0].Query["since"]);
        Assert.Equal(BlueskyStandIn.Format(BlueskyStandIn.Start.AddMinutes(40)), searches[1].Query["since"]);
        Assert.Equal(53, rig.AcceptedIds.Distinct().Count());
        Assert.Equal(53, rig.Accepted.Count);
        Assert.Equal(BlueskyStandIn.Start.AddMinutes(53), await SinceAsync());
    }

    [Fact]
    public async Task APostIndexedLateBelowTheNewestIsStillTakenAndNothingComesTwice()
    {
        bluesky.Add([.. Enumerable.Range(1, 50)]);
        await rig.PollAsync(Configured());
        var late = BlueskyStandIn.Uri(99);
        bluesky.Posts.Add((late, BlueskyStandIn.Start.AddMinutes(48), BlueskyStandIn.Start.AddMinutes(60)));

        var second = await rig.PollAsync(Configured());
        var third = await rig.PollAsync(Configured());

        Assert.Equal(1, second.Processed);
        Assert.Equal(0, third.Processed);
        Assert.Equal(late, rig.AcceptedIds[^1]);
        Assert.Equal(51, rig.AcceptedIds.Distinct().Count());
    }

    [Fact]
    public async Task ARefusedAppPasswordStopsTheRunBeforeAnySearch()
    {
        bluesky.Add(1, 2, 3);

        var result = await rig.PollAsync(Configured(password: "the-account-password"));

        Assert.Equal(0, result.Processed);
        Assert.Contains("the app password was refused", result.Stopped, StringComparison.Ordinal);
        Assert.Empty(bluesky.Calls("app.bsky.feed.searchPosts"));
        Assert.Empty(rig.Store.Saved);
    }

    [Theory]
    [InlineData(200, "text/html, not JSON")]
    [InlineData(502, "answered 502 (an HTML page)")]
    public async Task AnHtmlErrorPageStopsTheRunAndKeepsTheCursor(int status, string reason)
    {
        bluesky.Add([.. Enumerable.Range(1, 10)]);
        await rig.PollAsync(Configured());
        var cursor = await rig.CursorAsync();
        bluesky.Add(11, 12);
        bluesky.Override = r => r.Path.EndsWith("searchPosts", StringComparison.Ordinal)
            ? new StandInAnswer(status, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>", "text/html")
            : null;

        var result = await rig.PollAsync(Configured());

        Assert.Equal(0, result.Processed);
        Assert.Contains(reason, result.Stopped, StringComparison.Ordinal);
        Assert.Equal(cursor, await rig.CursorAsync());
    }

    [Fact]
    public async Task AWalkCutShortResumesBelowWhereItStoppedAndTakesEveryPostOnce()
    {
        rig.Options.BlueskyPageSize = 10;
        rig.Options.MaxPages = 1;
        bluesky.Add([.. Enumerable.Range(1, 10)]);
        await rig.PollAsync(Configured());
        bluesky.Add([.. Enumerable.Range(11, 25)]);

        var runs = new List<int>();
        for (var run = 0; run < 4; run++)
        {
            runs.Add((await rig.PollAsync(Configured())).Processed);
        }

        Assert.Equal([10, 9, 6, 0], runs);
        var searches = bluesky.Calls("app.bsky.feed.searchPosts").ToList();
        Assert.Null(searches[1].Query["until"]);
        Assert.Equal(BlueskyStandIn.Format(BlueskyStandIn.Start.AddMinutes(26).AddMilliseconds(1)), searches[2].Query["until"]);
        Assert.Equal(35, rig.Accepted.Count);
        Assert.Equal(35, rig.AcceptedIds.Distinct().Count());
        Assert.Equal(BlueskyStandIn.Start.AddMinutes(35), await SinceAsync());
        Assert.DoesNotContain("walk_until", await rig.CursorAsync(), StringComparison.Ordinal);
    }
}
