using System.Globalization;
using System.Text;

namespace Open311.Storage.Tables;

/// <summary>Building blocks of partition and row keys.</summary>
public static class TableKeys
{
    /// <summary>
    /// Makes any text safe inside a key: the characters Table Storage forbids (<c>/ \ # ?</c>, control characters),
    /// our own separator <c>|</c> and the escape character <c>%</c> become <c>%XX</c>.
    /// </summary>
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsBmp && NeedsEscape((char)rune.Value))
            {
                builder.Append('%').Append(rune.Value.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Newest first: ticks counted down from the end of time, zero-padded so they sort as text.</summary>
    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTime.MaxValue.Ticks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c);
}
