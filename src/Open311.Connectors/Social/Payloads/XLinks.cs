using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Open311.Connectors.Social;

/// <summary>
/// Puts X's t.co links back to what the author wrote and drops the t.co link of attached media (the photo comes with
/// the post anyway). Entity offsets count Unicode code points, not UTF-16 units, so an emoji before a link shifts
/// them; an offset is trusted only when the text there is the t.co link, else the link is looked for by its text.
/// X escapes &amp;, &lt; and &gt; in post text; the result is unescaped.
/// </summary>
internal static partial class XLinks
{
    /// <param name="Start">Code-point offset, when the entity gives one.</param>
    /// <param name="Link">The t.co link as it appears in the text.</param>
    /// <param name="With">What replaces it: the expanded URL, or "" for a media link.</param>
    public readonly record struct Replacement(int? Start, int? End, string Link, string With);

    public static string Expand(string text, IEnumerable<Replacement> replacements)
    {
        var offsets = CodePointOffsets(text);
        var spans = new List<(int Start, int End, string Text)>();
        foreach (var replacement in replacements.Where(r => r.Link.Length > 0))
        {
            if (Locate(text, offsets, replacement, spans) is { } start)
            {
                spans.Add((start, start + replacement.Link.Length, replacement.With));
            }
        }

        var result = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var (spanStart, spanEnd, inserted) in spans.OrderBy(s => s.Start))
        {
            result.Append(text, at, spanStart - at).Append(inserted);
            at = spanEnd;
        }

        result.Append(text, at, text.Length - at);
        return Tidy(WebUtility.HtmlDecode(result.ToString()));
    }

    private static int? Locate(string text, int[] offsets, Replacement replacement, List<(int Start, int End, string Text)> taken)
    {
        if (replacement is { Start: { } s, End: { } e } && s >= 0 && s < e && e < offsets.Length
            && offsets[e] - offsets[s] == replacement.Link.Length
            && string.CompareOrdinal(text, offsets[s], replacement.Link, 0, replacement.Link.Length) == 0
            && Free(offsets[s], offsets[e], taken))
        {
            return offsets[s];
        }

        for (var found = text.IndexOf(replacement.Link, StringComparison.Ordinal); found >= 0;
             found = text.IndexOf(replacement.Link, found + 1, StringComparison.Ordinal))
        {
            if (Free(found, found + replacement.Link.Length, taken))
            {
                return found;
            }
        }

        return null;
    }

    private static bool Free(int start, int end, List<(int Start, int End, string Text)> taken) =>
        taken.TrueForAll(t => end <= t.Start || start >= t.End);

    /// <summary>The UTF-16 index of every code point, plus the text's length at the end.</summary>
    private static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }

    // Dropping a media link leaves a space at the end or two in a row.
    private static string Tidy(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
