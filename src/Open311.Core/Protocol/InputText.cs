using System.Text;

namespace Open311.Core.Protocol;

/// <summary>Checks on text that arrives from clients before it is stored or echoed back.</summary>
public static class InputText
{
    public const int MaxIdentifierLength = 100;

    /// <summary>Ids and codes: 1–100 characters, printable, none of the characters Table Storage keys forbid.</summary>
    public static bool IsIdentifier(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxIdentifierLength
        && value.All(c => !char.IsControl(c) && c is not ('/' or '\\' or '#' or '?'))
        && value.Trim().Length == value.Length;

    /// <summary>Free text: no control characters except tab and line breaks (XML 1.0 cannot carry the others).</summary>
    public static bool IsPlainText(string? value, bool allowLineBreaks) =>
        value is null || value.All(c => !IsForbidden(c, allowLineBreaks));

    /// <summary>Length in characters (code points), the way JSON Schema's maxLength counts.</summary>
    public static int Length(string value)
    {
        var surrogatePairs = 0;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                surrogatePairs++;
                i++;
            }
        }

        return value.Length - surrogatePairs;
    }

    /// <summary>
    /// The text cut to at most <paramref name="maxCharacters"/> characters counted as code points (as JSON Schema and
    /// the API's own limits count them), never splitting a surrogate pair; an ellipsis marks the cut.
    /// </summary>
    public static string Truncate(string value, int maxCharacters)
    {
        if (Length(value) <= maxCharacters)
        {
            return value;
        }

        return string.Concat(value.EnumerateRunes().Take(maxCharacters - 1)) + "…";
    }

    /// <summary>A value safe to repeat in an error message: cut short, control characters dropped.</summary>
    public static string Quote(string value)
    {
        var clean = string.Concat(value.EnumerateRunes().Where(IsPrintable).Take(60));
        return value.Length > 60 ? clean + "…" : clean;
    }

    /// <summary>
    /// Replaces what XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF, lone surrogates) with U+FFFD, so no
    /// stored or echoed text can break a response. Both writers use it, so XML and JSON stay identical.
    /// </summary>
    public static string XmlSafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(c))
            {
                return string.Concat(value.EnumerateRunes().Select(r => IsXmlRune(r) ? r : Rune.ReplacementChar));
            }
        }

        return value;
    }

    private static bool IsPrintable(Rune rune) => !Rune.IsControl(rune) && rune != Rune.ReplacementChar && IsXmlRune(rune);

    private static bool IsXmlRune(Rune rune) =>
        rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static bool IsForbidden(char c, bool allowLineBreaks) =>
        c switch
        {
            '\t' => false,
            '\n' or '\r' => !allowLineBreaks,
            '\uFFFE' or '\uFFFF' => true,
            _ => char.IsControl(c),
        };
}
