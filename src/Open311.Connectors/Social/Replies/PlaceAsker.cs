using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;
using Polly;

namespace Open311.Connectors.Social;

/// <summary>
/// Asks the author of a report without a usable place where it is, with one reply in the thread. Who is asked, and
/// when (never twice, never a boost, never an author who opted out), the caller decides; this only posts.
/// <list type="bullet">
/// <item>Mastodon (docs.joinmastodon.org/methods/statuses/#create): <c>POST {instance}/api/v1/statuses</c> with
/// <c>status</c> (starting with <c>@acct</c>, which also makes the author a recipient), <c>in_reply_to_id</c> and
/// <c>visibility</c> (<see cref="PlaceAskerOptions.MastodonVisibility"/>, <c>direct</c> by default), the source's
/// <c>posting_token</c> as bearer, and <c>Idempotency-Key</c> = the report's external id: Mastodon keeps keys an hour,
/// so a repeated call does not post twice.</item>
/// <item>Bluesky (docs.bsky.app/docs/advanced-guides/posts): <c>com.atproto.repo.createRecord</c> of an
/// <c>app.bsky.feed.post</c> in the signed-in account's repo, with <c>reply.root</c> (the thread's top post) and
/// <c>reply.parent</c> (the post) as strong refs and a mention facet for the author — its index counts UTF-8 bytes.
/// Missing cids, the author's did or the root are looked up with <c>app.bsky.feed.getPosts</c>. Not retried: a post
/// has no idempotency key.</item>
/// <item>X: not asked — replying needs a user's OAuth token, and every post written is paid for.</item>
/// </list>
/// The other side's failures never throw: the answer says what happened, for the intake record.
/// </summary>
public sealed class PlaceAsker(HttpClient http, BlueskySessions sessions, IOptions<PlaceAskerOptions> options, TimeProvider time, ILogger<PlaceAsker> logger)
{
    private const string Mention = "{mention}";

    /// <param name="externalId">What Mastodon recognises a repeat by (Idempotency-Key): the report's intake id, say.</param>
    public async Task<PlaceAsked> AskAsync(SocialSettings settings, SocialPost post, string externalId, CancellationToken cancellationToken)
    {
        var network = post.Network.Trim().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(settings.Network) && !string.Equals(settings.Network.Trim(), network, StringComparison.OrdinalIgnoreCase))
        {
            return NotAsked($"the post is from {post.Network}, the source follows {settings.Network}");
        }

        try
        {
            return network switch
            {
                "mastodon" => await AskOnMastodonAsync(settings, post, externalId, cancellationToken),
                "bluesky" => await AskOnBlueskyAsync(settings, post, cancellationToken),
                "x" => NotAsked("replies on X are not supported: posting needs a user's OAuth token, and every post written is paid for"),
                _ => NotAsked($"{post.Network} is not a network we reply on"),
            };
        }
        catch (TimeoutException ex)
        {
            logger.LogWarning("Asking the author of {Post} for the place got no answer: {Reason}", post.Id, ex.Message);
            return NotAsked($"{ex.Message}; the reply may have been posted all the same");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && ex is HttpRequestException or JsonException or FormatException or ExecutionRejectedException or OperationCanceledException)
        {
            logger.LogWarning("Asking the author of {Post} for the place failed: {Reason}", post.Id, ex.Message);
            return NotAsked(ex.Message);
        }
    }

    /// <summary>
    /// The same for a report already taken in (what <c>AfterIntakeAsync</c> has): the post is its external id, the
    /// author its contact's account (an @handle, or a Bluesky did); what a Bluesky reply needs besides is looked up.
    /// The idempotency key is the intake id (<c>{source}:{external id}</c>). Returns the note for the intake record.
    /// </summary>
    public async Task<string> AskAsync(SocialSettings settings, InboundReport report, CancellationToken cancellationToken)
    {
        var account = report.Contact.AccountId?.Trim();
        var did = account is not null && account.StartsWith("did:", StringComparison.Ordinal);
        var post = new SocialPost
        {
            Network = settings.Network?.Trim().ToLowerInvariant() ?? string.Empty,
            Id = report.ExternalId,
            Text = report.Text ?? string.Empty,
            Url = report.Url,
            AuthorHandle = did ? null : account?.TrimStart('@'),
            AuthorId = did ? account : null,
            ReplyTo = report.ReplyTo,
            RepostOf = report.RepostOf,
        };
        return (await AskAsync(settings, post, $"{report.SourceId}:{report.ExternalId}", cancellationToken)).Note;
    }

    private static PlaceAsked NotAsked(string why) => new(false, $"not asked: {why}");

    private async Task<PlaceAsked> AskOnMastodonAsync(SocialSettings settings, SocialPost post, string externalId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Instance) || string.IsNullOrWhiteSpace(settings.PostingToken))
        {
            return NotAsked("Mastodon replies need the source's instance and posting_token");
        }

        if (string.IsNullOrWhiteSpace(post.AuthorHandle))
        {
            return NotAsked("the post names no author to ask");
        }

        var acct = post.AuthorHandle.Trim().TrimStart('@');
        var instance = settings.Instance.Trim().TrimEnd('/');
        var visibility = options.Value.MastodonVisibility;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{instance}/api/v1/statuses")
        {
            Content = SocialHttp.Json(new Dictionary<string, string> { ["status"] = Question("@" + acct).Text, ["in_reply_to_id"] = post.Id, ["visibility"] = visibility }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.PostingToken.Trim());
        request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey(externalId));
        var answer = await SocialHttp.SendAsync(http, request, $"{instance} (reply)", options.Value.Timeout, time, cancellationToken);
        using var status = JsonDocument.Parse(answer.Body);
        var id = Text(status.RootElement, "id");
        var where = Text(status.RootElement, "url") ?? (id is null ? null : $"status {id}");
        return new PlaceAsked(true, $"asked @{acct} for the place in a {visibility} reply{(where is null ? string.Empty : $" ({where})")}", id);
    }

    private async Task<PlaceAsked> AskOnBlueskyAsync(SocialSettings settings, SocialPost post, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Identifier) || string.IsNullOrWhiteSpace(settings.AppPassword))
        {
            return NotAsked("Bluesky replies need the source's identifier and app_password");
        }

        var service = BlueskySessions.Service(settings);
        if (await TargetAsync(settings, post, service, cancellationToken) is not { } target)
        {
            return NotAsked($"the post {post.Id} is no longer there");
        }

        var (text, mention) = Question("@" + target.Handle);
        var answer = await sessions.SendAsync(
            http,
            settings,
            session => new HttpRequestMessage(HttpMethod.Post, $"{service}/xrpc/com.atproto.repo.createRecord") { Content = Record(session.Did, text, mention, target) },
            $"{service} (reply)",
            options.Value.Timeout,
            cancellationToken);
        using var created = JsonDocument.Parse(answer.Body);
        var uri = Text(created.RootElement, "uri");
        return new PlaceAsked(true, $"asked @{target.Handle} for the place in a reply{(uri is null ? string.Empty : $" ({uri})")}", uri);
    }

    /// <summary>
    /// The post as a reply must name it. A post that starts its thread and carries its cid, author did and handle
    /// needs no lookup; otherwise <c>getPosts</c> gives the cid, the author and the record's <c>reply.root</c>
    /// (a reply that named only the post would silently start a second thread). Null when the post is gone.
    /// </summary>
    private async Task<BlueskyTarget?> TargetAsync(SocialSettings settings, SocialPost post, string service, CancellationToken cancellationToken)
    {
        var did = post.AuthorId is { } author && author.StartsWith("did:", StringComparison.Ordinal) ? author : Authority(post.Id);
        var startsThread = post.ReplyTo is null && (post.ThreadRoot is null || post.ThreadRoot == post.Id);
        if (startsThread && post.Cid is { Length: > 0 } cid && did is not null && !string.IsNullOrWhiteSpace(post.AuthorHandle))
        {
            return new BlueskyTarget(post.Id, cid, did, post.AuthorHandle.Trim().TrimStart('@'), post.Id, cid);
        }

        var answer = await sessions.SendAsync(
            http,
            settings,
            _ => new HttpRequestMessage(HttpMethod.Get, $"{service}/xrpc/app.bsky.feed.getPosts?uris={Uri.EscapeDataString(post.Id)}"),
            $"{service} (post lookup)",
            options.Value.Timeout,
            cancellationToken);
        using var document = JsonDocument.Parse(answer.Body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("posts", out var posts) || posts.ValueKind != JsonValueKind.Array
            || posts.GetArrayLength() == 0 || posts[0] is not { ValueKind: JsonValueKind.Object } view)
        {
            return null;
        }

        var uri = Text(view, "uri") ?? post.Id;
        var viewCid = Text(view, "cid") ?? throw new FormatException($"{service} answered the post lookup without the post's cid");
        var by = view.TryGetProperty("author", out var a) ? a : default;
        var authorDid = Text(by, "did") ?? did ?? throw new FormatException($"{service} answered the post lookup without the author's did");
        var handle = Text(by, "handle") ?? post.AuthorHandle?.Trim().TrimStart('@') ?? authorDid;
        var thread = view.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object
            && record.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.Object
            && reply.TryGetProperty("root", out var r) ? r : default;
        return Text(thread, "uri") is { } rootUri && Text(thread, "cid") is { } rootCid
            ? new BlueskyTarget(uri, viewCid, authorDid, handle, rootUri, rootCid)
            : new BlueskyTarget(uri, viewCid, authorDid, handle, uri, viewCid);
    }

    private ByteArrayContent Record(string repo, string text, (int Start, int End) mention, BlueskyTarget target) =>
        SocialHttp.Json(new JsonObject
        {
            ["repo"] = repo,
            ["collection"] = "app.bsky.feed.post",
            ["record"] = new JsonObject
            {
                ["$type"] = "app.bsky.feed.post",
                ["text"] = text,
                ["createdAt"] = BlueskyCursor.Format(time.GetUtcNow()),
                ["reply"] = new JsonObject
                {
                    ["root"] = new JsonObject { ["uri"] = target.RootUri, ["cid"] = target.RootCid },
                    ["parent"] = new JsonObject { ["uri"] = target.Uri, ["cid"] = target.Cid },
                },
                ["facets"] = new JsonArray(new JsonObject
                {
                    ["index"] = new JsonObject { ["byteStart"] = mention.Start, ["byteEnd"] = mention.End },
                    ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = target.Did }),
                }),
            },
        });

    /// <summary>The question with the @handle in it, and where the handle is in UTF-8 bytes (what a Bluesky facet counts).</summary>
    private (string Text, (int Start, int End) Mention) Question(string mention)
    {
        var template = options.Value.Question;
        var at = template.IndexOf(Mention, StringComparison.Ordinal);
        if (at < 0)
        {
            return ($"{mention} {template}", (0, Encoding.UTF8.GetByteCount(mention)));
        }

        var text = template[..at] + mention + template[(at + Mention.Length)..].Replace(Mention, mention, StringComparison.Ordinal);
        var start = Encoding.UTF8.GetByteCount(template.AsSpan(0, at));
        return (text, (start, start + Encoding.UTF8.GetByteCount(mention)));
    }

    /// <summary>The external id when it can stand in a header as it is, else its hash (same report, same key).</summary>
    private static string IdempotencyKey(string externalId) =>
        externalId.Length is > 0 and <= 200 && externalId.All(c => c is >= '!' and <= '~')
            ? externalId
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));

    /// <summary>The repo of an <c>at://did:…/collection/rkey</c> uri, when it is a did.</summary>
    private static string? Authority(string uri) =>
        uri.StartsWith("at://did:", StringComparison.Ordinal) ? uri[5..].Split('/')[0] : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
