namespace Open311.Connectors.Social;

/// <summary>
/// What asking for the place did: <see cref="Posted"/> when the reply is up (<see cref="ReplyId"/>: its Mastodon status
/// id or Bluesky <c>at://</c> uri, to recognise the author's answer to it), else why not — for the intake record.
/// </summary>
public sealed record PlaceAsked(bool Posted, string Note, string? ReplyId = null);
