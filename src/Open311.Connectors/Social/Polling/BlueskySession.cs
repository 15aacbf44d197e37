namespace Open311.Connectors.Social;

/// <summary>A signed-in Bluesky account: the tokens <c>createSession</c> or <c>refreshSession</c> gave, and when the access token ends.</summary>
internal sealed record BlueskySession(string Key, string Service, string Did, string Handle, string AccessJwt, string RefreshJwt, DateTimeOffset AccessExpires);
