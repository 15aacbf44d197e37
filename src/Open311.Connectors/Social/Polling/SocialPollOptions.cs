namespace Open311.Connectors.Social;

/// <summary>
/// How much of a network one poll reads: pages of the network's largest size, at most <see cref="MaxPages"/> a run
/// (the rest next run, from the saved cursor). X charges for every post read, so a run is bounded for cost as well.
/// </summary>
public sealed class SocialPollOptions
{
    public int MaxPages { get; set; } = 10;

    /// <summary>Statuses per hashtag-timeline page: Mastodon serves at most 40.</summary>
    public int MastodonPageSize { get; set; } = 40;

    /// <summary>Posts per recent-search page: X allows 10 to 100.</summary>
    public int XPageSize { get; set; } = 100;

    /// <summary>Posts per searchPosts page: Bluesky allows 1 to 100.</summary>
    public int BlueskyPageSize { get; set; } = 100;

    /// <summary>Where X's API lives; another base only for a stand-in.</summary>
    public string XApiBase { get; set; } = "https://api.x.com";

    /// <summary>
    /// How far back each Bluesky search reaches below the newest post already read. Search filters on the post's
    /// <c>sortAt</c> (the earlier of its own <c>createdAt</c> and when it was indexed), so a post indexed late can sort
    /// below one read earlier; the overlap catches it, and the cursor's list of read posts keeps it from coming twice.
    /// </summary>
    public TimeSpan BlueskyOverlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest one request may take, reading its answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
