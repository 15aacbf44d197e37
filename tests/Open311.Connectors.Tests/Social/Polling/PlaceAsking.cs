using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Open311.Connectors.Social;
using Open311.Core.Intake;
using Open311.Core.Requests;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// Asking an author for the place, against stand-ins: a Mastodon instance taking <c>POST /api/v1/statuses</c> as
/// docs.joinmastodon.org/methods/statuses/#create describes it (<c>status</c>, <c>in_reply_to_id</c>, <c>visibility</c>,
/// <c>Authorization: Bearer</c>, <c>Idempotency-Key</c>), and <see cref="BlueskyStandIn"/> for the Bluesky reply
/// (<c>com.atproto.repo.createRecord</c> with reply refs and a mention facet whose index counts UTF-8 bytes, as
/// docs.bsky.app/docs/advanced-guides/posts explains).
/// </summary>
public sealed class PlaceAsking : IAsyncLifetime
{
    private readonly SocialStandIn mastodon = new();
    private readonly BlueskyStandIn bluesky = new();
    private readonly PlaceAskerOptions options = new();

    public Task InitializeAsync()
    {
        mastodon.Answer = r => r.Method == "POST" && r.Path == "/api/v1/statuses"
            ? StandInAnswer.Json("""{"id":"1150","created_at":"2026-05-04T09:00:00.000Z","in_reply_to_id":"1140","visibility":"direct","url":"https://social.riverton.example/@town311/1150","content":"<p>Thanks for the report.</p>"}""")
            : new StandInAnswer(404, """{"error":"Record not found"}""");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await mastodon.DisposeAsync();
        await bluesky.DisposeAsync();
    }

    private PlaceAsker Asker() => new(
        PollRig.Guarded(),
        new BlueskySessions(TimeProvider.System, NullLogger<BlueskySessions>.Instance),
        Microsoft.Extensions.Options.Options.Create(options),
        TimeProvider.System,
        NullLogger<PlaceAsker>.Instance);

    private SocialSettings OnMastodon(string? token = "posting-token") => new()
    {
        Network = "mastodon", Instance = mastodon.BaseUrl, Hashtag = "riverton311", PostingToken = token, AskForPlace = true,
    };

    private SocialSettings OnBluesky() => new()
    {
        Network = "bluesky", Service = bluesky.BaseUrl, Identifier = BlueskyStandIn.Identifier, AppPassword = BlueskyStandIn.AppPassword, Hashtag = "riverton311", AskForPlace = true,
    };

    private static readonly SocialPost Toot = new() { Network = "mastodon", Id = "1140", Text = "Streetlight out on Elm St #riverton311", AuthorHandle = "resident" };

    [Fact]
    public async Task TheMastodonReplyCarriesInReplyToIdTheIdempotencyKeyAndTheBearerToken()
    {
        var asked = await Asker().AskAsync(OnMastodon(), Toot, "riverton-social:1140", CancellationToken.None);

        Assert.True(asked.Posted, asked.Note);
        Assert.Equal("1150", asked.ReplyId);
        Assert.Contains("direct reply", asked.Note, StringComparison.Ordinal);
        var request = Assert.Single(mastodon.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/statuses", request.Path);
        Assert.Equal("Bearer posting-token", request.Header("Authorization"));
        Assert.Equal("riverton-social:1140", request.Header("Idempotency-Key"));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("1140", (string?)body["in_reply_to_id"]);
        Assert.Equal("direct", (string?)body["visibility"]);
        Assert.Equal("@resident Thanks for the report. Where exactly is it? Please reply with the street and house number, or a map link.", (string?)body["status"]);
    }

    [Fact]
    public async Task AReportTakenInIsAskedAboutWithItsIntakeIdAsTheIdempotencyKey()
    {
        var report = new InboundReport
        {
            SourceId = "riverton-social", ExternalId = "1140", Text = Toot.Text, Contact = new Requester(null, null, null, null, null, "@resident"),
        };

        var note = await Asker().AskAsync(OnMastodon(), report, CancellationToken.None);

        Assert.StartsWith("asked @resident for the place in a direct reply", note, StringComparison.Ordinal);
        var request = Assert.Single(mastodon.Requests);
        Assert.Equal("riverton-social:1140", request.Header("Idempotency-Key"));
        Assert.Equal("1140", (string?)JsonNode.Parse(request.Body)!["in_reply_to_id"]);
    }

    [Fact]
    public async Task AMastodonRefusalIsANoteNotAnException()
    {
        mastodon.Answer = _ => new StandInAnswer(422, """{"error":"Validation failed: Text can't be blank"}""");

        var asked = await Asker().AskAsync(OnMastodon(), Toot, "riverton-social:1140", CancellationToken.None);

        Assert.False(asked.Posted);
        Assert.Contains("422 (Validation failed: Text can't be blank)", asked.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPostingTokenNobodyIsAsked()
    {
        var asked = await Asker().AskAsync(OnMastodon(token: null), Toot, "riverton-social:1140", CancellationToken.None);

        Assert.False(asked.Posted);
        Assert.Contains("posting_token", asked.Note, StringComparison.Ordinal);
        Assert.Empty(mastodon.Requests);
    }

    [Fact]
    public async Task TheBlueskyReplyNamesRootAndParentAndMentionsTheAuthorByUtf8Bytes()
    {
        options.Question = "Grüße! {mention} — wo genau ist es? 📍";
        var post = new SocialPost
        {
            Network = "bluesky", Id = BlueskyStandIn.Uri(1), Cid = "bafyreipost1", Text = "Broken streetlight on Elm St #riverton311",
            AuthorId = BlueskyStandIn.ResidentDid, AuthorHandle = "resident.bsky.social",
        };

        var asked = await Asker().AskAsync(OnBluesky(), post, "riverton-social:" + post.Id, CancellationToken.None);

        Assert.True(asked.Posted, asked.Note);
        Assert.Equal($"at://{BlueskyStandIn.TownDid}/app.bsky.feed.post/3lreply1", asked.ReplyId);
        Assert.Empty(bluesky.Calls("app.bsky.feed.getPosts"));
        var create = Assert.Single(bluesky.Calls("com.atproto.repo.createRecord"));
        Assert.Equal($"Bearer {bluesky.AccessJwt}", create.Header("Authorization"));
        var body = JsonNode.Parse(create.Body)!;
        Assert.Equal(BlueskyStandIn.TownDid, (string?)body["repo"]);
        Assert.Equal("app.bsky.feed.post", (string?)body["collection"]);
        var record = body["record"]!;
        Assert.Equal("app.bsky.feed.post", (string?)record["$type"]);
        var text = record["text"]!.GetValue<string>();
        Assert.Equal("Grüße! @resident.bsky.social — wo genau ist es? 📍", text);
        Assert.True(DateTimeOffset.TryParse((string?)record["createdAt"], out _));
        Assert.Equal(post.Id, (string?)record["reply"]!["root"]!["uri"]);
        Assert.Equal("bafyreipost1", (string?)record["reply"]!["root"]!["cid"]);
        Assert.Equal(post.Id, (string?)record["reply"]!["parent"]!["uri"]);
        Assert.Equal("bafyreipost1", (string?)record["reply"]!["parent"]!["cid"]);
        var facet = record["facets"]![0]!;
        var start = (int)facet["index"]!["byteStart"]!;
        var end = (int)facet["index"]!["byteEnd"]!;
        Assert.Equal((9, 30), (start, end));
        Assert.Equal("@resident.bsky.social", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)[start..end]));
        Assert.Equal("app.bsky.richtext.facet#mention", (string?)facet["features"]![0]!["$type"]);
        Assert.Equal(BlueskyStandIn.ResidentDid, (string?)facet["features"]![0]!["did"]);
    }

    [Fact]
    public async Task AReplyToAReplyFindsItsThreadRootAndCidWithGetPosts()
    {
        var root = "at://did:plc:neighbour/app.bsky.feed.post/3lroot0";
        var parent = BlueskyStandIn.Uri(9);
        bluesky.Views[parent] = BlueskyStandIn.View(parent, BlueskyStandIn.Start, BlueskyStandIn.Start, new JsonObject
        {
            ["root"] = new JsonObject { ["uri"] = root, ["cid"] = "bafyreiroot0" },
            ["parent"] = new JsonObject { ["uri"] = root, ["cid"] = "bafyreiroot0" },
        });
        var post = new SocialPost { Network = "bluesky", Id = parent, Text = "Same here #riverton311", ReplyTo = root, ThreadRoot = root, AuthorHandle = "resident.bsky.social" };

        var asked = await Asker().AskAsync(OnBluesky(), post, "riverton-social:" + parent, CancellationToken.None);

        Assert.True(asked.Posted, asked.Note);
        Assert.Equal(parent, Assert.Single(bluesky.Calls("app.bsky.feed.getPosts")).Query["uris"]);
        var reply = JsonNode.Parse(Assert.Single(bluesky.Calls("com.atproto.repo.createRecord")).Body)!["record"]!["reply"]!;
        Assert.Equal(root, (string?)reply["root"]!["uri"]);
        Assert.Equal("bafyreiroot0", (string?)reply["root"]!["cid"]);
        Assert.Equal(parent, (string?)reply["parent"]!["uri"]);
        Assert.Equal("bafyrei3lpost9", (string?)reply["parent"]!["cid"]);
    }

    [Fact]
    public async Task XIsNotAsked()
    {
        var tweet = new SocialPost { Network = "x", Id = "1790000000000000001", Text = "Pothole #riverton311", AuthorHandle = "resident" };

        var asked = await Asker().AskAsync(new SocialSettings { Network = "x", BearerToken = "x-bearer-token" }, tweet, "riverton-social:1790000000000000001", CancellationToken.None);

        Assert.False(asked.Posted);
        Assert.Contains("not supported", asked.Note, StringComparison.Ordinal);
    }
}
