using System.Globalization;
using System.Text.Json;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// The X poller against a stand-in of recent search that follows X's documentation
/// (docs.x.com/x-api/posts/search/integrate/paginate and /x-api/posts/search/quickstart/recent-search): posts newest first
/// within and across pages, <c>since_id</c> as the lower bound, <c>max_results</c> 10–100, <c>meta.newest_id</c>,
/// <c>oldest_id</c>, <c>result_count</c> and a <c>next_token</c> that does not expire (the same token gives the same
/// page whenever it is asked); a 429 with <c>x-rate-limit-reset</c> in epoch seconds (docs.x.com/fundamentals/rate-limits);
/// a 400 naming <c>since_id</c> when the cursor is older than the 7-day window (as rooteco/tweetscape#421 records it).
/// The posts are our own, in the v2 Post shape with <c>includes.users</c>.
/// </summary>
public sealed class XPolling : IAsyncLifetime
{
    private const string Token = "x-bearer-token";

    private readonly SocialStandIn x = new();
    private readonly PollRig rig = new();
    private readonly List<long> posts = [];

    private StandInAnswer? failure;
    private string remaining = "449";

    /// <summary>Cursors below this are older than the search window.</summary>
    private long oldestSearchable;

    public Task InitializeAsync()
    {
        x.Answer = Search;
        rig.Options.XApiBase = x.BaseUrl;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await x.DisposeAsync();

    private static long Id(int n) => 1_790_000_000_000_000_000 + n;

    private static string IdText(int n) => Id(n).ToString(CultureInfo.InvariantCulture);

    private static Open311.Core.Intake.SourceDocument Configured() =>
        PollRig.Source($$"""{"type":"social","network":"x","bearer_token":"{{Token}}","hashtag":"riverton311"}""");

    [Fact]
    public async Task TheFirstRunReadsTheNewestPageWithTheDocumentedParameters()
    {
        posts.AddRange(Enumerable.Range(1, 150).Select(Id));

        var result = await rig.PollAsync(Configured());

        Assert.Equal(100, result.Processed);
        var request = Assert.Single(x.Requests);
        Assert.Equal("/2/tweets/search/recent", request.Path);
        Assert.Equal($"Bearer {Token}", request.Header("Authorization"));
        Assert.Equal("#riverton311 -is:retweet", request.Query["query"]);
        Assert.Equal("100", request.Query["max_results"]);
        Assert.Null(request.Query["since_id"]);
        Assert.Equal("author_id,attachments.media_keys,geo.place_id,referenced_tweets.id", request.Query["expansions"]);
        Assert.Equal("created_at,entities,geo,attachments,lang,referenced_tweets,in_reply_to_user_id", request.Query["tweet.fields"]);
        Assert.Equal("url,preview_image_url,type,alt_text", request.Query["media.fields"]);
        Assert.Equal("full_name,geo,country_code,place_type", request.Query["place.fields"]);
        Assert.Equal("username,name", request.Query["user.fields"]);
        Assert.Equal(Enumerable.Range(51, 100).Select(IdText), rig.AcceptedIds);
        Assert.Equal(IdText(150), await rig.CursorAsync());
    }

    [Fact]
    public async Task AWalkFollowsNextTokenDownToTheCursorAndThenTakesTheFirstPagesNewestId()
    {
        posts.AddRange(Enumerable.Range(1, 250).Select(Id));
        await rig.StartFromAsync(IdText(20));

        var result = await rig.PollAsync(Configured());

        Assert.Equal(230, result.Processed);
        Assert.Null(result.Stopped);
        Assert.All(x.Requests, r => Assert.Equal(IdText(20), r.Query["since_id"]));
        Assert.Equal([null, $"{Id(250)}-100", $"{Id(250)}-200"], x.Requests.Select(r => r.Query["next_token"]));
        Assert.Equal([$"{IdText(20)}|{IdText(250)}|{Id(250)}-100", $"{IdText(20)}|{IdText(250)}|{Id(250)}-200", IdText(250)], rig.Store.Saved);
        Assert.Equal(Enumerable.Range(21, 230).Select(IdText), rig.AcceptedIds.Order());
    }

    [Fact]
    public async Task AWalkCutShortIsResumedWithItsTokenAndPostsArrivingMeanwhileComeNext()
    {
        posts.AddRange(Enumerable.Range(1, 250).Select(Id));
        await rig.StartFromAsync(IdText(20));
        rig.Options.MaxPages = 1;

        var first = await rig.PollAsync(Configured());
        posts.AddRange(Enumerable.Range(251, 5).Select(Id));
        var second = await rig.PollAsync(Configured());
        var third = await rig.PollAsync(Configured());
        var fourth = await rig.PollAsync(Configured());

        Assert.Equal([100, 100, 30, 5], new[] { first, second, third, fourth }.Select(r => r.Processed));
        Assert.Equal([null, $"{Id(250)}-100", $"{Id(250)}-200", null], x.Requests.Select(r => r.Query["next_token"]));
        Assert.Equal([IdText(20), IdText(20), IdText(20), IdText(250)], x.Requests.Select(r => r.Query["since_id"]));
        Assert.Equal(Enumerable.Range(21, 235).Select(IdText), rig.AcceptedIds.Order());
        Assert.Equal(IdText(255), await rig.CursorAsync());
    }

    [Fact]
    public async Task ARateLimitNamesTheResetTimeAndKeepsTheCursor()
    {
        posts.AddRange(Enumerable.Range(1, 50).Select(Id));
        await rig.StartFromAsync(IdText(20));
        failure = new StandInAnswer(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""")
        {
            Headers = ["x-rate-limit-limit: 450", "x-rate-limit-remaining: 0", "x-rate-limit-reset: 1785592800"],
        };

        var result = await rig.PollAsync(Configured());

        Assert.Equal(0, result.Processed);
        Assert.Contains("answered 429", result.Stopped, StringComparison.Ordinal);
        Assert.Contains("rate limited until 2026-08-01T14:00:00Z", result.Stopped, StringComparison.Ordinal);
        Assert.Empty(rig.Store.Saved);
        Assert.Equal(IdText(20), await rig.CursorAsync());
    }

    [Fact]
    public async Task NoRequestsLeftEndsTheRunAfterThePageInHand()
    {
        posts.AddRange(Enumerable.Range(1, 250).Select(Id));
        await rig.StartFromAsync(IdText(20));
        remaining = "0";

        var result = await rig.PollAsync(Configured());

        Assert.Equal(100, result.Processed);
        Assert.Contains("allows no more requests until 2026-08-01T14:00:00Z", result.Stopped, StringComparison.Ordinal);
        Assert.Single(x.Requests);
        Assert.Equal([$"{IdText(20)}|{IdText(250)}|{Id(250)}-100"], rig.Store.Saved);
    }

    [Fact]
    public async Task ACursorOlderThanTheSearchWindowStartsAgainFromTheNewestPosts()
    {
        posts.AddRange(Enumerable.Range(1, 150).Select(Id));
        oldestSearchable = Id(100);
        await rig.StartFromAsync(IdText(5));

        var result = await rig.PollAsync(Configured());

        Assert.Equal(100, result.Processed);
        Assert.Null(result.Stopped);
        Assert.Equal([IdText(5), null], x.Requests.Select(r => r.Query["since_id"]));
        Assert.Equal(IdText(150), await rig.CursorAsync());
    }

    /// <summary>Recent search: newest first; a next token names the page's top and offset, so it gives the same page whenever it is used.</summary>
    private StandInAnswer Search(StandInRequest request)
    {
        if (failure is { } f)
        {
            return f;
        }

        if (request.Path != "/2/tweets/search/recent" || request.Header("Authorization") != $"Bearer {Token}")
        {
            return new StandInAnswer(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""");
        }

        var since = request.Query["since_id"] is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
        if (since > 0 && since < oldestSearchable)
        {
            return new StandInAnswer(400, $$"""{"errors":[{"parameters":{"since_id":["{{since}}"]},"message":"Invalid 'since_id':'{{since}}'. 'since_id' must be a tweet id created after 2026-04-27T00:00Z."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}""");
        }

        var size = int.Parse(request.Query["max_results"] ?? "10", CultureInfo.InvariantCulture);
        var token = request.Query["next_token"]?.Split('-');
        var top = token is null ? posts.DefaultIfEmpty().Max() : long.Parse(token[0], CultureInfo.InvariantCulture);
        var offset = token is null ? 0 : int.Parse(token[1], CultureInfo.InvariantCulture);
        var matching = posts.Where(id => id > since && id <= top).OrderDescending().ToList();
        var page = matching.Skip(offset).Take(size).ToList();
        var headers = new[] { "x-rate-limit-limit: 450", $"x-rate-limit-remaining: {remaining}", "x-rate-limit-reset: 1785592800" };
        if (page.Count == 0)
        {
            return StandInAnswer.Json("""{"meta":{"result_count":0}}""", headers);
        }

        var meta = new Dictionary<string, object>
        {
            ["newest_id"] = page[0].ToString(CultureInfo.InvariantCulture),
            ["oldest_id"] = page[^1].ToString(CultureInfo.InvariantCulture),
            ["result_count"] = page.Count,
        };
        if (offset + page.Count < matching.Count)
        {
            meta["next_token"] = $"{top}-{offset + page.Count}";
        }

        return StandInAnswer.Json(
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["data"] = page.Select(Post).ToList(),
                ["includes"] = new Dictionary<string, object> { ["users"] = new[] { new Dictionary<string, string> { ["id"] = "2244994945", ["name"] = "A Resident", ["username"] = "resident" } } },
                ["meta"] = meta,
            }),
            headers);
    }

    private static Dictionary<string, object> Post(long id) => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["text"] = $"Pothole {id} on Main St #riverton311",
        ["author_id"] = "2244994945",
        ["created_at"] = "2026-05-04T08:15:00.000Z",
        ["lang"] = "en",
        ["entities"] = new Dictionary<string, object>
        {
            ["hashtags"] = new[] { new Dictionary<string, object> { ["start"] = 39, ["end"] = 51, ["tag"] = "riverton311" } },
        },
        ["edit_history_tweet_ids"] = new[] { id.ToString(CultureInfo.InvariantCulture) },
    };
}
