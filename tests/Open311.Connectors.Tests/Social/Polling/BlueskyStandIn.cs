using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// A stand-in Bluesky service (PDS with the AppView behind it) that follows the lexicons and docs.bsky.app:
/// <c>com.atproto.server.createSession</c> (<c>{identifier, password}</c> → <c>accessJwt, refreshJwt, handle, did</c>;
/// 401 <c>AuthenticationRequired</c> for a wrong password), <c>app.bsky.feed.searchPosts</c> (<c>q</c> required, <c>tag</c>,
/// <c>sort=latest</c> newest first, <c>since</c> inclusive and <c>until</c> exclusive on <c>sortAt</c> — the earlier of
/// <c>createdAt</c> and <c>indexedAt</c> —, <c>limit</c>, an opaque <c>cursor</c>; answer <c>{posts: [postView], cursor}</c>),
/// <c>app.bsky.feed.getPosts</c> and <c>com.atproto.repo.createRecord</c> (→ <c>{uri, cid}</c>); every call but the
/// sign-in needs <c>Authorization: Bearer {accessJwt}</c>. The posts are our own, in the postView shape.
/// </summary>
public sealed class BlueskyStandIn : IAsyncDisposable
{
    public const string Identifier = "town311.riverton.example";
    public const string AppPassword = "abcd-efgh-ijkl-mnop";
    public const string TownDid = "did:plc:town311riverton";
    public const string ResidentDid = "did:plc:resident7";

    public static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    public SocialStandIn Server { get; } = new();

    /// <summary>Posts with the hashtag: uri, createdAt, indexedAt.</summary>
    public List<(string Uri, DateTimeOffset CreatedAt, DateTimeOffset IndexedAt)> Posts { get; } = [];

    /// <summary>What getPosts answers for a uri: a postView.</summary>
    public Dictionary<string, JsonObject> Views { get; } = [];

    /// <summary>When it gives an answer, that is the answer (a failure to play).</summary>
    public Func<StandInRequest, StandInAnswer?> Override { get; set; } = _ => null;

    public string AccessJwt { get; } = Jwt(DateTimeOffset.UtcNow.AddHours(2));

    public string BaseUrl => Server.BaseUrl;

    public IEnumerable<StandInRequest> Calls(string method) => Server.Requests.Where(r => r.Path == $"/xrpc/{method}");

    public BlueskyStandIn() => Server.Answer = Answer;

    public static string Uri(int n) => $"at://{ResidentDid}/app.bsky.feed.post/3lpost{n}";

    /// <summary>Post n: created n minutes after <see cref="Start"/>, indexed two seconds later.</summary>
    public void Add(params int[] numbers)
    {
        foreach (var n in numbers)
        {
            Posts.Add((Uri(n), Start.AddMinutes(n), Start.AddMinutes(n).AddSeconds(2)));
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Jwt(DateTimeOffset expires)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Part("{\"typ\":\"at+jwt\",\"alg\":\"ES256K\"}");
        var claims = new JsonObject
        {
            ["scope"] = "com.atproto.appPass",
            ["sub"] = TownDid,
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["aud"] = "did:web:bsky.social",
        };
        return $"{header}.{Part(claims.ToJsonString())}.c2lnbmF0dXJl";
    }

    private StandInAnswer Answer(StandInRequest request)
    {
        if (Override(request) is { } answer)
        {
            return answer;
        }

        if (request.Method == "POST" && request.Path == "/xrpc/com.atproto.server.createSession")
        {
            var body = JsonNode.Parse(request.Body)!;
            return (string?)body["identifier"] == Identifier && (string?)body["password"] == AppPassword
                ? StandInAnswer.Json($$"""{"did":"{{TownDid}}","handle":"{{Identifier}}","email":"311@riverton.example","emailConfirmed":true,"accessJwt":"{{AccessJwt}}","refreshJwt":"refresh-{{AccessJwt}}","active":true}""")
                : new StandInAnswer(401, """{"error":"AuthenticationRequired","message":"Invalid identifier or password"}""");
        }

        if (request.Header("Authorization") != $"Bearer {AccessJwt}")
        {
            return new StandInAnswer(401, """{"error":"AuthenticationRequired","message":"Authentication Required"}""");
        }

        return request.Path switch
        {
            "/xrpc/app.bsky.feed.searchPosts" => Search(request),
            "/xrpc/app.bsky.feed.getPosts" => Lookup(request),
            "/xrpc/com.atproto.repo.createRecord" => StandInAnswer.Json($$"""{"uri":"at://{{TownDid}}/app.bsky.feed.post/3lreply1","cid":"bafyreiaskreply1","commit":{"cid":"bafyreicommit1","rev":"3lrev1"},"validationStatus":"valid"}"""),
            _ => new StandInAnswer(404, """{"error":"XRPCNotSupported","message":"XRPCNotSupported"}"""),
        };
    }

    private StandInAnswer Search(StandInRequest request)
    {
        if (string.IsNullOrEmpty(request.Query["q"]))
        {
            return new StandInAnswer(400, """{"error":"InvalidRequest","message":"Error: Params must have the property \"q\""}""");
        }

        var since = Time(request.Query["since"]);
        var until = Time(request.Query["until"]);
        var limit = int.Parse(request.Query["limit"] ?? "25", CultureInfo.InvariantCulture);
        var offset = int.Parse(request.Query["cursor"] ?? "0", CultureInfo.InvariantCulture);
        var matching = Posts
            .Select(p => (p.Uri, p.CreatedAt, p.IndexedAt, SortAt: p.CreatedAt < p.IndexedAt ? p.CreatedAt : p.IndexedAt))
            .Where(p => (since is null || p.SortAt >= since) && (until is null || p.SortAt < until))
            .OrderByDescending(p => p.SortAt)
            .ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        var posts = new JsonArray();
        foreach (var p in page)
        {
            posts.Add(View(p.Uri, p.CreatedAt, p.IndexedAt));
        }

        var answer = new JsonObject { ["posts"] = posts };
        if (offset + page.Count < matching.Count)
        {
            answer["cursor"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return StandInAnswer.Json(answer.ToJsonString(), "ratelimit-limit: 3000", "ratelimit-remaining: 2999", "ratelimit-reset: 1785592800", "ratelimit-policy: 3000;w=300");
    }

    private StandInAnswer Lookup(StandInRequest request)
    {
        var posts = new JsonArray();
        foreach (var uri in request.Query.GetValues("uris") ?? [])
        {
            if (Views.TryGetValue(uri, out var view))
            {
                posts.Add(view.DeepClone());
            }
        }

        return StandInAnswer.Json(new JsonObject { ["posts"] = posts }.ToJsonString());
    }

    public static JsonObject View(string uri, DateTimeOffset createdAt, DateTimeOffset indexedAt, JsonObject? reply = null)
    {
        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["createdAt"] = Format(createdAt),
            ["langs"] = new JsonArray("en"),
            ["text"] = $"Broken streetlight on Elm St #riverton311 ({uri[^2..]})",
            ["facets"] = new JsonArray(new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = 29, ["byteEnd"] = 41 },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = "riverton311" }),
            }),
        };
        if (reply is not null)
        {
            record["reply"] = reply;
        }

        return new JsonObject
        {
            ["uri"] = uri,
            ["cid"] = "bafyrei" + uri[(uri.LastIndexOf('/') + 1)..],
            ["author"] = new JsonObject { ["did"] = ResidentDid, ["handle"] = "resident.bsky.social", ["displayName"] = "A Resident", ["labels"] = new JsonArray() },
            ["record"] = record,
            ["replyCount"] = 0,
            ["repostCount"] = 0,
            ["likeCount"] = 0,
            ["quoteCount"] = 0,
            ["indexedAt"] = Format(indexedAt),
            ["labels"] = new JsonArray(),
        };
    }

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
