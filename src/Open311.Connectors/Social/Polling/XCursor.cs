namespace Open311.Connectors.Social;

/// <summary>
/// Where a poller stands in X's recent search: every post up to <see cref="Since"/> is done. While a walk down from
/// the newest post is unfinished it also keeps <see cref="Top"/> (the first page's <c>newest_id</c>, the next
/// <c>since_id</c> once the walk ends) and the <c>next_token</c> to resume with (X: next tokens do not expire).
/// Stored as <c>{since}</c> or <c>{since}|{top}|{next_token}</c>.
/// </summary>
internal sealed record XCursor(string? Since, string? Top = null, string? Next = null)
{
    public static XCursor Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split('|');
        var since = SnowflakeIds.IsId(parts[0]) ? parts[0] : null;
        return parts.Length == 3 && since is not null && SnowflakeIds.IsId(parts[1]) && parts[2].Length > 0
            ? new XCursor(since, parts[1], parts[2])
            : new XCursor(since);
    }

    public override string ToString() => Top is null || Next is null ? Since ?? string.Empty : $"{Since}|{Top}|{Next}";
}
