using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Open311.Connectors.Email;

/// <summary>
/// Turns an e-mail body into the text a report is made of: HTML becomes readable plain text, and the quoted
/// original of a reply, the signature and mobile footers are cut, so a resident's reply does not repeat the
/// whole thread. A forwarded report is the report: only its forward header lines are dropped.
/// </summary>
public static partial class EmailText
{
    // Reply headers are short; the length cap keeps the ".*" patterns cheap on hostile one-line bodies.
    private const int MaxHeaderLength = 500;
    private const int LeadingTextLength = 300;

    // A parser is costly to build and not meant to be shared between threads: one per thread.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    private static readonly HashSet<string> Skipped = ["script", "style", "head", "template"];
    private static readonly HashSet<string> Paragraphs = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"];
    private static readonly HashSet<string> Blocks =
    [
        "div", "ul", "ol", "tr", "section", "article", "header", "footer", "hr", "dl", "dt", "dd", "address",
        "center", "main", "nav", "aside", "figure", "figcaption", "form", "fieldset", "caption",
    ];

    private static readonly string[] QuoteClasses = ["gmail_quote", "yahoo_quoted", "moz-cite-prefix"];

    private enum HeaderField
    {
        None,
        From,
        Sent,
        To,
        Subject,
        Other,
    }

    public static string FromHtml(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        using var document = Parser.Value!.ParseDocument(html);
        IElement root = document.Body ?? document.DocumentElement;
        var writer = new PlainTextWriter();
        writer.Write(root);
        return Normalize(writer.ToString());
    }

    public static string StripQuotedReply(string text)
    {
        var lines = DropForwardHeaders(SplitLines(text));
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var header = QuoteHeaderLength(lines, i);
            if (header == 0)
            {
                kept.Add(lines[i]);
                continue;
            }

            if (!IsInterleaved(lines, i + header))
            {
                break;
            }

            i += header - 1;
        }

        return string.Join("\n", DropQuotedLines(kept));
    }

    public static string StripSignature(string text)
    {
        var lines = SplitLines(text);
        var end = lines.FindIndex(line => line.TrimEnd() == "--");
        end = end < 0 ? lines.Count : end;
        while (end > 0 && (string.IsNullOrWhiteSpace(lines[end - 1]) || MobileFooter().IsMatch(lines[end - 1])))
        {
            end--;
        }

        return string.Join("\n", lines.Take(end));
    }

    public static string Normalize(string text)
    {
        var visible = Invisible().Replace(text, "").Replace('\u00A0', ' ').Replace('\u202F', ' ');
        var lines = SplitLines(visible).Select(line => line.TrimEnd());
        return BlankRuns().Replace(string.Join("\n", lines), "\n\n").Trim();
    }

    public static string Body(string? plain, string? html)
    {
        var text = Normalize(plain ?? "");
        if (text.Length == 0)
        {
            text = FromHtml(html ?? "");
        }

        return Normalize(StripSignature(StripQuotedReply(text)));
    }

    private static List<string> SplitLines(string text) => [.. text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')];

    private static List<string> DropForwardHeaders(List<string> lines)
    {
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (ForwardMarker().IsMatch(lines[i]))
            {
                i = EndOfForwardHeader(lines, i + 1) - 1;
                continue;
            }

            kept.Add(lines[i]);
        }

        return kept;
    }

    // The header block after a forward marker runs to the first blank line, so wrapped To: lines go with it.
    private static int EndOfForwardHeader(List<string> lines, int start)
    {
        var i = start;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        if (i >= lines.Count || FieldOf(lines[i]) == HeaderField.None)
        {
            return start;
        }

        while (i < lines.Count && !string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        return i;
    }

    private static int QuoteHeaderLength(List<string> lines, int i)
    {
        if (IsWroteHeader(lines[i]) || OriginalMessage().IsMatch(lines[i]))
        {
            return 1;
        }

        return IsWrappedWroteHeader(lines, i) ? 2 : OutlookHeaderLength(lines, i);
    }

    private static bool IsWroteHeader(string line) => line.Length <= MaxHeaderLength && WroteHeader().IsMatch(line);

    // Gmail wraps a long "On … wrote:" over two lines; the date's digits keep two ordinary sentences from matching.
    private static bool IsWrappedWroteHeader(List<string> lines, int i)
    {
        if (i + 1 >= lines.Count || IsWroteHeader(lines[i + 1]))
        {
            return false;
        }

        var joined = lines[i].TrimEnd() + " " + lines[i + 1].Trim();
        return joined.Any(char.IsAsciiDigit) && IsWroteHeader(joined);
    }

    // Outlook's "From: / Sent: / To: / Subject:" block, optionally under a line of underscores; 0 when absent.
    private static int OutlookHeaderLength(List<string> lines, int i)
    {
        var from = Underline().IsMatch(lines[i]) ? NextNonBlank(lines, i + 1) : i;
        if (from < 0 || FieldOf(lines[from]) != HeaderField.From)
        {
            return 0;
        }

        var next = lines.Skip(from + 1).Take(3).Select(FieldOf).ToList();
        if (!next.Contains(HeaderField.Sent) || !(next.Contains(HeaderField.To) || next.Contains(HeaderField.Subject)))
        {
            return 0;
        }

        var end = from + 1;
        while (end < lines.Count && FieldOf(lines[end]) != HeaderField.None)
        {
            end++;
        }

        return end - i;
    }

    private static int NextNonBlank(List<string> lines, int start)
    {
        for (var i = start; i < Math.Min(start + 2, lines.Count); i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static HeaderField FieldOf(string line)
    {
        var match = HeaderLine().Match(line);
        return !match.Success ? HeaderField.None
            : match.Groups["from"].Success ? HeaderField.From
            : match.Groups["sent"].Success ? HeaderField.Sent
            : match.Groups["to"].Success ? HeaderField.To
            : match.Groups["subject"].Success ? HeaderField.Subject
            : HeaderField.Other;
    }

    // A reply header followed by quoted lines and then new text is an interleaved answer, not a quoted original.
    private static bool IsInterleaved(List<string> lines, int start)
    {
        var i = start;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        return i < lines.Count
            && IsQuotedLine(lines[i])
            && lines.Skip(i).Any(line => !string.IsNullOrWhiteSpace(line) && !IsQuotedLine(line));
    }

    private static List<string> DropQuotedLines(List<string> lines)
    {
        var unquoted = lines.Where(line => !IsQuotedLine(line)).ToList();
        return unquoted.Exists(line => !string.IsNullOrWhiteSpace(line)) ? unquoted : lines;
    }

    private static bool IsQuotedLine(string line) => line.TrimStart().StartsWith('>');

    private static bool IsSkipped(IElement element) =>
        Skipped.Contains(element.LocalName) || IsHidden(element) || (IsQuote(element) && !IsForward(element));

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden") || (element.GetAttribute("style") is { } style && DisplayNone().IsMatch(style));

    private static bool IsQuote(IElement element)
    {
        var classes = element.ClassList;
        return (element.LocalName == "blockquote" && string.Equals(element.GetAttribute("type"), "cite", StringComparison.OrdinalIgnoreCase))
            || QuoteClasses.Any(name => classes.Contains(name))
            || (classes.Contains("gmail_extra") && element.QuerySelector(".gmail_quote, blockquote") is not null);
    }

    // Gmail and Yahoo wrap a forwarded message in their quote container and Apple Mail in a cite blockquote
    // after "Begin forwarded message:"; that content is the report, so it stays.
    private static bool IsForward(IElement element)
    {
        if (ForwardMarker().IsMatch(LeadingText(element)))
        {
            return true;
        }

        var sibling = element.PreviousSibling;
        for (var i = 0; i < 6 && sibling is not null; i++)
        {
            if (ForwardMarker().IsMatch(LeadingText(sibling)))
            {
                return true;
            }

            sibling = sibling.PreviousSibling;
        }

        return false;
    }

    // Outlook puts the quoted original after these markers, as later siblings.
    private static bool IsOutlookReplyStart(IElement element) => element.Id is "divRplyFwdMsg" or "appendonsend";

    // The first few hundred characters of a node's text, without building the text of a whole thread.
    private static string LeadingText(INode node)
    {
        var text = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(node);
        while (text.Length < LeadingTextLength && stack.TryPop(out var current))
        {
            if (current is IText part)
            {
                text.Append(part.Data).Append(' ');
                continue;
            }

            var children = current.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^\s*(?:On\s.*\swrote\s*|Le\s.*\sa\s+écrit\s*|El\s.*\sescribió\s*|Am\s.*\sschrieb\s.*|Op\s.*\sschreef\s.*):\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteHeader();

    [GeneratedRegex(@"^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht)\s*-{2,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\s*_{10,}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Underline();

    [GeneratedRegex(@"^\s*\*?(?:(?<from>From|Von|De|Van)|(?<sent>Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden)|(?<to>To|Cc|An|À|Para|Aan)|(?<subject>Subject|Betreff|Objet|Asunto|Onderwerp)|Reply-To|Bcc)\*?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*(?:-{3,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht)\s*-{3,}|(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié)\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^\s*(?:Sent from my (?:iPhone|iPad|Android)|Sent from Outlook for (?:iOS|Android)|Get Outlook for (?:iOS|Android)|Sent from Yahoo Mail|Sent from Mail(?:\s*<[^>\s]{1,200}>|\s*\([^)\s]{1,200}\))? for Windows)\b.{0,80}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MobileFooter();

    [GeneratedRegex(@"display\s*:\s*none", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisplayNone();

    [GeneratedRegex(@"[\u200B\u200C\u200D\uFEFF]", RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankRuns();

    /// <summary>Writes the visible text of a DOM subtree, one line per block.</summary>
    private sealed class PlainTextWriter
    {
        private readonly StringBuilder text = new();
        private int preDepth;
        private bool bulletPending;

        public override string ToString() => text.ToString();

        // An explicit stack, so a deeply nested hostile message cannot overflow the call stack.
        public void Write(INode root)
        {
            var stack = new Stack<Frame>();
            stack.Push(new Frame(root, false, 0));
            while (stack.TryPop(out var frame))
            {
                if (frame.Leaving)
                {
                    Leave((IElement)frame.Node, frame.Start);
                }
                else if (frame.Node is IText part)
                {
                    AppendText(part.Data);
                }
                else if (frame.Node is IElement element && !IsSkipped(element))
                {
                    Enter(element);
                    stack.Push(new Frame(element, true, text.Length));
                    PushChildren(stack, element);
                }
            }
        }

        private static void PushChildren(Stack<Frame> stack, IElement element)
        {
            var children = element.ChildNodes;
            var end = children.Length;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is IElement child && IsOutlookReplyStart(child))
                {
                    end = i;
                    break;
                }
            }

            for (var i = end - 1; i >= 0; i--)
            {
                stack.Push(new Frame(children[i], false, 0));
            }
        }

        private void Enter(IElement element)
        {
            var name = element.LocalName;
            if (name == "br")
            {
                TrimTrailingSpaces();
                text.Append('\n');
            }
            else if (name == "img")
            {
                AppendImage(element);
            }
            else if (name == "a")
            {
                // The bullet goes before the link, so it is not taken for part of the link text.
                FlushBullet();
            }
            else if (name == "li")
            {
                EnsureLine();
                bulletPending = true;
            }
            else if (name == "pre")
            {
                EnsureBlankLine();
                preDepth++;
            }
            else if (Paragraphs.Contains(name))
            {
                EnsureBlankLine();
            }
            else if (Blocks.Contains(name))
            {
                EnsureLine();
            }
        }

        private void Leave(IElement element, int start)
        {
            var name = element.LocalName;
            if (name == "a")
            {
                AppendLinkTarget(element, start);
            }
            else if (name is "td" or "th")
            {
                AppendSpace();
            }
            else if (name == "li")
            {
                bulletPending = false;
                EnsureLine();
            }
            else if (name == "pre")
            {
                preDepth--;
                EnsureBlankLine();
            }
            else if (Paragraphs.Contains(name))
            {
                EnsureBlankLine();
            }
            else if (Blocks.Contains(name))
            {
                EnsureLine();
            }
        }

        private void AppendImage(IElement image)
        {
            var alt = image.GetAttribute("alt");
            if (string.IsNullOrWhiteSpace(alt))
            {
                return;
            }

            AppendSpace();
            AppendText("[" + alt.Trim() + "]");
        }

        // The URL is shown only when the reader could not see it in the link text already.
        private void AppendLinkTarget(IElement link, int start)
        {
            var href = link.GetAttribute("href")?.Trim();
            if (href is null || !IsWebUrl(href))
            {
                return;
            }

            var from = Math.Min(start, text.Length);
            if (string.Equals(Bare(text.ToString(from, text.Length - from)), Bare(href), StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            AppendSpace();
            AppendText("(" + href + ")");
        }

        private static bool IsWebUrl(string href) =>
            href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        private static string Bare(string url)
        {
            var value = url.Trim();
            if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                value = value[8..];
            }
            else if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                value = value[7..];
            }

            return value.TrimEnd('/');
        }

        // HTML whitespace collapses to single spaces, except inside <pre>.
        private void AppendText(string data)
        {
            if (preDepth > 0)
            {
                FlushBullet();
                text.Append(data);
                return;
            }

            var pendingSpace = false;
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace)
                {
                    AppendSpace();
                    pendingSpace = false;
                }

                FlushBullet();
                text.Append(c);
            }

            if (pendingSpace)
            {
                AppendSpace();
            }
        }

        // The "- " is written with the item's first character, so an item that starts with a block stays on one line.
        private void FlushBullet()
        {
            if (bulletPending)
            {
                bulletPending = false;
                text.Append("- ");
            }
        }

        private void AppendSpace()
        {
            if (text.Length > 0 && !char.IsWhiteSpace(text[text.Length - 1]))
            {
                text.Append(' ');
            }
        }

        private void TrimTrailingSpaces()
        {
            while (text.Length > 0 && text[text.Length - 1] == ' ')
            {
                text.Length--;
            }
        }

        private void EnsureLine()
        {
            TrimTrailingSpaces();
            if (text.Length > 0 && text[text.Length - 1] != '\n')
            {
                text.Append('\n');
            }
        }

        private void EnsureBlankLine()
        {
            EnsureLine();
            if (text.Length > 0 && (text.Length < 2 || text[text.Length - 2] != '\n'))
            {
                text.Append('\n');
            }
        }

        private readonly record struct Frame(INode Node, bool Leaving, int Start);
    }
}
