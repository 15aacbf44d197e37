namespace Open311.Connectors.Social;

/// <summary>
/// An <c>at://{authority}/{collection}/{rkey}</c> URI: the authority is the author's DID (or, rarely, a handle). Only
/// well-formed DIDs and handles are put into bsky.app and CDN links built from them.
/// </summary>
internal readonly record struct AtUri(string Authority, string Collection, string Key)
{
    public string? AuthorDid => Did(Authority);

    public static AtUri? Parse(string? uri)
    {
        if (uri is null || !uri.StartsWith("at://", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = uri[5..].Split('/');
        return parts.Length == 3 && (Did(parts[0]) ?? Handle(parts[0])) is not null && parts[1].Length > 0 && parts[2].Length > 0
            && parts[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            && parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
            ? new AtUri(parts[0], parts[1], parts[2])
            : null;
    }

    /// <summary><c>did:plc:…</c> or <c>did:web:…</c>; null when the text is anything else.</summary>
    public static string? Did(string? did) =>
        did is { Length: > 8 and <= 2048 } && did.StartsWith("did:", StringComparison.Ordinal)
        && did.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-' or '%') ? did : null;

    /// <summary>A handle is a domain name; <c>handle.invalid</c> is what Bluesky shows when it could not be verified.</summary>
    public static string? Handle(string? handle) =>
        handle is { Length: > 2 and <= 253 } && handle != "handle.invalid" && handle.Contains('.')
        && handle.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') ? handle : null;
}
