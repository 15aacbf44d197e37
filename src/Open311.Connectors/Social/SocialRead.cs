namespace Open311.Connectors.Social;

/// <summary>
/// What a payload held: its posts (one that could not be fully read carries its <see cref="SocialPost.Problem"/>),
/// the shape that was recognised, and paging hints some shapes carry (X v2 <c>meta.newest_id</c>/<c>next_token</c>,
/// Bluesky <c>cursor</c>).
/// </summary>
public sealed record SocialRead(IReadOnlyList<SocialPost> Posts, string Shape, string? NextToken = null, string? NewestId = null);
