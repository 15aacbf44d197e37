namespace Open311.Connectors.Social;

/// <summary>A social source's own settings, beside the shared ones in the source document (snake_case JSON).</summary>
public sealed class SocialSettings
{
    /// <summary><c>x</c>, <c>mastodon</c> or <c>bluesky</c>.</summary>
    public string? Network { get; set; }

    /// <summary>The shared secret of the push endpoint (write-only): <c>?key=</c> or <c>Authorization: Bearer</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Mastodon: the instance to poll and to reply on, e.g. https://mastodon.social.</summary>
    public string? Instance { get; set; }

    /// <summary>The hashtag the source follows, without '#': what the poller searches, and removed from descriptions.</summary>
    public string? Hashtag { get; set; }

    /// <summary>The community's or town's own account (without '@'): what people mention; removed from descriptions.</summary>
    public string? Handle { get; set; }

    /// <summary>X: the search query (default <c>#{hashtag} -is:retweet</c>, or <c>@{handle} -is:retweet</c>).</summary>
    public string? Query { get; set; }

    /// <summary>X: the app's bearer token for recent search (write-only). Polling X costs per post read.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Bluesky: the account (handle or DID) that signs in to search and reply.</summary>
    public string? Identifier { get; set; }

    /// <summary>Bluesky: an app password of that account (write-only).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Bluesky: the service to sign in at and search; https://bsky.social by default.</summary>
    public string? Service { get; set; }

    /// <summary>Mastodon: an access token with <c>write:statuses</c>, to ask an author for the place (write-only).</summary>
    public string? PostingToken { get; set; }

    /// <summary>Ask the author once, in the thread, for the street or a map link when a report has no usable place (Mastodon, Bluesky).</summary>
    public bool AskForPlace { get; set; }

    /// <summary>Handles never to be replied to (they asked not to be).</summary>
    public List<string>? OptedOut { get; set; }
}
