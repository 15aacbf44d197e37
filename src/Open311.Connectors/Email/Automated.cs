using System.Text.RegularExpressions;

namespace Open311.Connectors.Email;

/// <summary>
/// Mail that no person wrote, by its headers (RFC 3834 <c>Auto-Submitted</c>, <c>Precedence: bulk|list|junk</c>,
/// mailing-list headers, Microsoft's <c>X-Auto-Response-Suppress</c>, an empty return path) or its sender
/// (mailer-daemon, postmaster, no-reply): it may become a report, but it is never answered.
/// </summary>
public static partial class Automated
{
    public static bool IsAutomated(Func<string, string?> header, string? from)
    {
        var autoSubmitted = header("Auto-Submitted");
        if (autoSubmitted is { Length: > 0 } && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (header("Precedence")?.Trim().ToLowerInvariant() is "bulk" or "list" or "junk"
            || header("List-Id") is not null || header("List-Unsubscribe") is not null
            || header("X-Auto-Response-Suppress") is { } suppress && (suppress.Contains("All", StringComparison.OrdinalIgnoreCase) || suppress.Contains("OOF", StringComparison.OrdinalIgnoreCase))
            || header("Return-Path")?.Trim() == "<>")
        {
            return true;
        }

        return from is not null && Robot().IsMatch(from);
    }

    [GeneratedRegex(@"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)[@+.-]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Robot();
}
