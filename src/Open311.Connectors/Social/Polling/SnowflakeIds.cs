namespace Open311.Connectors.Social;

/// <summary>
/// Mastodon status ids and X post ids are numbers written as strings, too long for a long in general and not
/// comparable as text ("99" sorts after "100"): compared here as numbers, by length and then digit by digit.
/// </summary>
internal static class SnowflakeIds
{
    public static bool IsId(string? text) => text is { Length: > 0 and <= 40 } && text.All(char.IsAsciiDigit);

    public static int Compare(string a, string b)
    {
        var x = a.TrimStart('0');
        var y = b.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }

    /// <summary>The greatest id among those that are ids; null when none is.</summary>
    public static string? Max(IEnumerable<string?> ids) =>
        ids.Where(IsId).Cast<string>().Aggregate((string?)null, (max, id) => max is null || Compare(id, max) > 0 ? id : max);
}
