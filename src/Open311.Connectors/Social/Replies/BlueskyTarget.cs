namespace Open311.Connectors.Social;

/// <summary>What a Bluesky reply must name: the post (uri and cid: a strong ref), its author (did for the mention), and its thread's root.</summary>
internal sealed record BlueskyTarget(string Uri, string Cid, string Did, string Handle, string RootUri, string RootCid);
