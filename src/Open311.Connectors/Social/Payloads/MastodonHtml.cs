using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Open311.Connectors.Social;

/// <summary>
/// Mastodon's status HTML as plain text: paragraphs and line breaks kept, a hashtag or mention as its visible text.
/// Mastodon shortens a long link's visible text (<c>invisible</c> and <c>ellipsis</c> spans) and keeps the whole URL
/// in <c>href</c>; such a link becomes its URL, which a person (or place-finding) can use. The 4.5 <c>quote-inline</c>
/// fallback ("RE: link") is dropped: the quote is read from the <c>quote</c> member.
/// </summary>
internal static partial class MastodonHtml
{
    // A parser is costly to build and not meant to be shared between threads: one per thread.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    private static readonly HashSet<string> Skipped = ["script", "style", "template", "head"];
    private static readonly HashSet<string> Paragraphs = ["p", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"];

    public static string ToText(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        using var document = Parser.Value!.ParseDocument(html);
        var text = new StringBuilder(html.Length);
        var pre = 0;

        // An explicit stack, so deeply nested hostile HTML cannot overflow the call stack.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((document.Body ?? (INode)document.DocumentElement, false));
        while (stack.TryPop(out var frame))
        {
            if (frame.Node is IText part)
            {
                Append(text, part.Data, pre > 0);
                continue;
            }

            if (frame.Node is not IElement element || IsSkipped(element))
            {
                continue;
            }

            var name = element.LocalName;
            if (frame.Leaving)
            {
                pre -= name == "pre" ? 1 : 0;
                if (Paragraphs.Contains(name))
                {
                    BlankLine(text);
                }
                else if (name == "li")
                {
                    Line(text);
                }

                continue;
            }

            if (name == "br")
            {
                TrimEnd(text);
                text.Append('\n');
                continue;
            }

            if (name == "a" && IsShortened(element) && element.GetAttribute("href")?.Trim() is { Length: > 0 } href)
            {
                Append(text, href, false);
                continue;
            }

            if (Paragraphs.Contains(name))
            {
                BlankLine(text);
            }
            else if (name == "li")
            {
                Line(text);
                text.Append("- ");
            }

            pre += name == "pre" ? 1 : 0;
            stack.Push((element, true));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((element.ChildNodes[i], false));
            }
        }

        return BlankRuns().Replace(TrailingSpaces().Replace(text.ToString(), ""), "\n\n").Trim();
    }

    private static bool IsSkipped(IElement element) =>
        Skipped.Contains(element.LocalName) || element.ClassList.Contains("quote-inline")
        || (element.LocalName == "span" && element.ClassList.Contains("invisible"));

    private static bool IsShortened(IElement link) =>
        link.QuerySelector("span.invisible, span.ellipsis") is not null;

    // HTML whitespace collapses to one space, except inside <pre>.
    private static void Append(StringBuilder text, string data, bool preformatted)
    {
        if (preformatted)
        {
            text.Append(data);
            return;
        }

        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && !char.IsWhiteSpace(text[^1]))
            {
                text.Append(' ');
            }
        }
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    private static void Line(StringBuilder text)
    {
        TrimEnd(text);
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    private static void BlankLine(StringBuilder text)
    {
        Line(text);
        if (text.Length > 0 && (text.Length < 2 || text[^2] != '\n'))
        {
            text.Append('\n');
        }
    }

    [GeneratedRegex(@"[ \t]+(?=\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankRuns();
}
