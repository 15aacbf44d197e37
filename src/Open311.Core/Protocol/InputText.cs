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

    /// <summary>A value safe to repeat in an error message: cut short, control characters dropped.</summary>
    public static string Quote(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(60).ToArray());
        return value.Length > 60 ? clean + "…" : clean;
    }

    private static bool IsForbidden(char c, bool allowLineBreaks) =>
        c switch
        {
            '\t' => false,
            '\n' or '\r' => !allowLineBreaks,
            '\uFFFE' or '\uFFFF' => true,
            _ => char.IsControl(c),
        };
}
