namespace Open311.Connectors.Social;

/// <summary>A photo attached to a post: where to fetch it (the network's full-size copy) and its alt text.</summary>
public sealed record SocialPhoto(string Url, string? AltText);
