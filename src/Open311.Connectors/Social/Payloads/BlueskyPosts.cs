using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// Bluesky posts from a post view (<c>app.bsky.feed.defs#postView</c>: uri, cid, author, record, embed view) or a
/// repository record (<c>{uri, cid, value}</c>, or the bare <c>app.bsky.feed.post</c> record). The at:// uri is the
/// post's identity; a bare record has none, so it cannot be told apart from its edits or copies and is marked
/// unreadable. Mentions resolve to handles the payload itself names (authors of its views).
/// </summary>
internal sealed class BlueskyPosts(IReadOnlyDictionary<string, string> handles)
{
    public const string PostType = "app.bsky.feed.post";
    private const string RepostReason = "app.bsky.feed.defs#reasonRepost";

    public static bool IsRecord(JsonElement e) => Str(e, "$type") == PostType;

    public static bool IsWrappedRecord(JsonElement e) => Obj(e, "value") is { } value && IsRecord(value);

    public static bool IsView(JsonElement e) => Obj(e, "record") is not null && Obj(e, "author") is not null;

    public static bool IsFeedItem(JsonElement e) => Obj(e, "post") is { } post && IsView(post);

    /// <summary>A feed item (<c>#feedViewPost</c>): its post, passed on when the item is there because of a repost.</summary>
    public SocialPost FromFeedItem(JsonElement item) =>
        FromView(Obj(item, "post") ?? item, Str(Obj(item, "reason"), "$type") == RepostReason);

    public SocialPost FromView(JsonElement view, bool reposted = false)
    {
        var author = Obj(view, "author");
        return Post(view, Str(view, "uri"), Str(view, "cid"), author, Obj(view, "record"), Obj(view, "embed"), reposted, "the post view has no at:// uri");
    }

    public SocialPost FromRecord(JsonElement wrapper) =>
        Post(wrapper, Str(wrapper, "uri"), Str(wrapper, "cid"), null, Obj(wrapper, "value"), null, false, "the record has no at:// uri");

    public SocialPost FromBareRecord(JsonElement record) =>
        Post(record, null, null, null, record, null, false, "a bare record without its at:// uri cannot be told apart from others");

    private SocialPost Post(JsonElement source, string? uri, string? cid, JsonElement? author, JsonElement? record, JsonElement? embedView, bool reposted, string noUri)
    {
        var at = AtUri.Parse(uri);
        var did = AtUri.Did(Str(author, "did")) ?? at?.AuthorDid;
        var handle = AtUri.Handle(Str(author, "handle")) ?? (did is not null && handles.TryGetValue(did, out var known) ? known : null);
        var profile = handle ?? did;
        var decoded = BlueskyFacets.Decode(Text(record, "text") ?? "", record, handles);
        var id = at is null ? null : uri;
        var problems = new List<string>();
        if (id is null)
        {
            problems.Add(noUri);
        }

        if (record is null)
        {
            problems.Add("the post has no record");
        }

        return new SocialPost
        {
            Network = "bluesky",
            Id = id ?? Unreadable(source),
            Url = at is { Collection: PostType } postUri && profile is not null ? $"https://bsky.app/profile/{profile}/post/{postUri.Key}" : null,
            Cid = cid,
            AuthorId = did,
            AuthorHandle = handle,
            AuthorName = Str(author, "displayName"),
            AuthorUrl = profile is null ? null : $"https://bsky.app/profile/{profile}",
            Text = decoded.Text.Trim(),
            Hashtags = Words(decoded.Tags, '#'),
            Mentions = Words(decoded.Mentions, '@'),
            CreatedAt = Time(record, "createdAt"),
            RepostOf = reposted ? id : Quoted(Obj(record, "embed")),
            ReplyTo = Str(Obj(Obj(record, "reply"), "parent"), "uri"),
            ThreadRoot = Str(Obj(Obj(record, "reply"), "root"), "uri"),
            Photos = embedView is not null ? ViewPhotos(embedView) : BlobPhotos(Obj(record, "embed"), did),
            Problem = problems.Count > 0 ? string.Join("; ", problems) : null,
        };
    }

    /// <summary>A quote: <c>app.bsky.embed.record</c> or <c>recordWithMedia</c> naming another post (not a feed or list).</summary>
    private static string? Quoted(JsonElement? embed)
    {
        var strongRef = Str(embed, "$type") switch
        {
            "app.bsky.embed.record" => Obj(embed, "record"),
            "app.bsky.embed.recordWithMedia" => Obj(Obj(embed, "record"), "record"),
            _ => null,
        };
        return Str(strongRef, "uri") is { } uri && AtUri.Parse(uri) is { Collection: PostType } ? uri : null;
    }

    /// <summary>The view's CDN copies: <c>app.bsky.embed.images#view</c>, alone or as a <c>recordWithMedia#view</c>'s media.</summary>
    private static IReadOnlyList<SocialPhoto> ViewPhotos(JsonElement? embed)
    {
        var images = Str(embed, "$type") == "app.bsky.embed.recordWithMedia#view" ? Obj(embed, "media") : embed;
        return Str(images, "$type") != "app.bsky.embed.images#view" ? []
            : Photos(Objects(images, "images").Select(i => (Str(i, "fullsize"), Str(i, "alt"))));
    }

    /// <summary>A record's blobs (<c>app.bsky.embed.images</c>), served by the CDN under the author's DID.</summary>
    private static IReadOnlyList<SocialPhoto> BlobPhotos(JsonElement? embed, string? did)
    {
        var images = Str(embed, "$type") == "app.bsky.embed.recordWithMedia" ? Obj(embed, "media") : embed;
        if (did is null || Str(images, "$type") != "app.bsky.embed.images")
        {
            return [];
        }

        return Photos(Objects(images, "images").Select(i =>
        {
            var blob = Obj(i, "image");
            var cid = Str(Obj(blob, "ref"), "$link") ?? Str(blob, "ref") ?? Str(blob, "cid");
            return (cid is null || !cid.All(char.IsAsciiLetterOrDigit) ? null : $"https://cdn.bsky.app/img/feed_fullsize/plain/{did}/{cid}@jpeg", Str(i, "alt"));
        }));
    }

    private static IReadOnlyList<SocialPhoto> Photos(IEnumerable<(string? Url, string? Alt)> images) =>
        [.. images.Where(i => i.Url is not null).DistinctBy(i => i.Url).Select(i => new SocialPhoto(i.Url!, i.Alt))];
}
