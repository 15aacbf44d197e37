using System.Globalization;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Where a poller stands in a deployment: the highest post id seen (new posts) and, for v3, the last <c>updated</c>
/// time read (edits). Stored as <c>{id}</c> or <c>{id}|{ISO time}</c>.
/// </summary>
public sealed record PollCursor(long LastId, DateTimeOffset? UpdatedSince)
{
    public static PollCursor Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split('|', 2);
        var id = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var since = parts.Length == 2 && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        return new PollCursor(id, since);
    }

    public override string ToString() =>
        UpdatedSince is { } since ? $"{LastId.ToString(CultureInfo.InvariantCulture)}|{since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : LastId.ToString(CultureInfo.InvariantCulture);
}
