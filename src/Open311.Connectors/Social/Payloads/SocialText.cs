using System.Text.RegularExpressions;

namespace Open311.Connectors.Social;

/// <summary>
/// Makes a post's text read as a report: "@RivertonTown #potholes Deep hole on Elm St" becomes "Deep hole on Elm St".
/// The source's own handle (also as <c>@handle@instance</c> on Mastodon) and the hashtag it follows say only that the
/// post is addressed to the town; every post has them. Other hashtags stay in the text, and the post's
/// <see cref="SocialPost.Hashtags"/> and <see cref="SocialPost.Mentions"/> keep everything (category hints).
/// </summary>
public static partial class SocialText
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>The post with its text cleaned; the same post when there was nothing to remove. Cleaning twice changes nothing.</summary>
    public static SocialPost Clean(SocialPost post, SocialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(settings);
        var text = post.Text;
        if (HandlePattern(settings.Handle) is { } handle)
        {
            text = Remove(text, handle);
        }

        if (TagPattern(settings.Hashtag) is { } tag)
        {
            text = Remove(text, tag);
        }

        return text == post.Text ? post : post with { Text = Tidy(text) };
    }

    // "@riverton311", "@riverton311@town.social" (any instance unless the setting names one), "@riverton.bsky.social";
    // not "@riverton3110" nor an e-mail address.
    private static string? HandlePattern(string? setting)
    {
        var handle = setting?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(handle))
        {
            return null;
        }

        var at = handle.IndexOf('@');
        var user = at < 0 ? handle : handle[..at];
        var instance = at < 0 ? @"(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?" : "(?:@" + Regex.Escape(handle[(at + 1)..]) + ")?";
        return user.Length == 0 ? null : @"(?<![\w@/.])@" + Regex.Escape(user) + instance + @"(?![\w@-]|\.\w)";
    }

    private static string? TagPattern(string? setting)
    {
        var tag = setting?.Trim().TrimStart('#');
        return string.IsNullOrEmpty(tag) ? null : @"(?<![\w#&/])#" + Regex.Escape(tag) + @"(?!\w)";
    }

    // The spaces around a removed word go with it, and so does a ",", ":" or ";" after it at a line's start
    // ("@town: lamp out"); elsewhere that mark stays ("Hi @town, the lamp" becomes "Hi, the lamp"). A hostile text
    // that runs the pattern out of time is left as it is: cleaning is a courtesy, not a check.
    private static string Remove(string text, string pattern)
    {
        try
        {
            return Regex.Replace(text, @"[ \t]*" + pattern + @"(?<mark>[,:;](?=\s|$))?[ \t]*", match =>
            {
                var lineStart = match.Index == 0 || text[match.Index - 1] is '\n' or '\r';
                var end = match.Index + match.Length;
                var lineEnd = end >= text.Length || text[end] is '\n' or '\r';
                var mark = match.Groups["mark"].Value;
                return lineStart ? ""
                    : mark.Length > 0 ? mark + (lineEnd ? "" : " ")
                    : lineEnd || text[end] is '.' or ',' or ';' or ':' or '!' or '?' or ')' ? "" : " ";
            }, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    private static string Tidy(string text) =>
        BlankRuns().Replace(LineEnds().Replace(Spaces().Replace(text, " "), "\n"), "\n\n").Trim();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ \t]*\r?\n[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineEnds();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankRuns();
}
