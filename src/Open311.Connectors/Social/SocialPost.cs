namespace Open311.Connectors.Social;

/// <summary>
/// One post from any network, as the social connector needs it — read from an X v1.1 status, an X v2 post with its
/// expansions, a Mastodon status or a Bluesky record or view. Text is plain (HTML and facets already decoded).
/// </summary>
public sealed record SocialPost
{
    /// <summary><c>x</c>, <c>mastodon</c> or <c>bluesky</c>.</summary>
    public required string Network { get; init; }

    /// <summary>The post's stable id on its network: the tweet id, the Mastodon status id, the Bluesky <c>at://</c> URI.</summary>
    public required string Id { get; init; }

    /// <summary>Where a person can see it.</summary>
    public string? Url { get; init; }

    public string? AuthorId { get; init; }

    /// <summary>@handle without the @ (X screen name, Mastodon <c>acct</c>, Bluesky handle).</summary>
    public string? AuthorHandle { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorUrl { get; init; }

    /// <summary>Plain text: X full text with t.co links expanded, Mastodon HTML as text, Bluesky text.</summary>
    public required string Text { get; init; }

    /// <summary>Hashtags without '#', lower-cased, in order, each once.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];

    /// <summary>Mentioned handles without '@', lower-cased.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the author last edited it (Mastodon <c>edited_at</c>); null when never.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>A retweet, boost or quote-post: someone else's post passed on, not a new report.</summary>
    public string? RepostOf { get; init; }

    /// <summary>The post this one answers (same network id form as <see cref="Id"/>); null when it starts a thread.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The post at the top of its thread, when the network says (Bluesky <c>reply.root</c>).</summary>
    public string? ThreadRoot { get; init; }

    /// <summary>Bluesky: the content id of this version of the record (a reply must name it).</summary>
    public string? Cid { get; init; }

    /// <summary>An exact point (v1.1 <c>coordinates</c>, v1.1 <c>geo</c> turned round, v2 <c>geo.coordinates</c>).</summary>
    public double? Lat { get; init; }

    public double? Long { get; init; }

    /// <summary>A named place with its bounding box (X places): a coarse hint, never an exact point.</summary>
    public SocialPlace? Place { get; init; }

    public IReadOnlyList<SocialPhoto> Photos { get; init; } = [];

    /// <summary>Why the post's own data was refused (an impossible point, say), for the intake record; null when none.</summary>
    public string? Problem { get; init; }
}
