using System.Globalization;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Where a poller stands in a deployment: every post up to <see cref="LastId"/> is done; v3 also keeps the last
/// <c>updated</c> time read (edits) and, while a newest-first walk is unfinished, where it stopped (the highest id
/// when it began and the next offset), so the next run resumes there instead of skipping what lay deeper.
/// Stored as <c>{id}|{time}|{walk top}|{walk offset}</c>; older <c>{id}</c> and <c>{id}|{time}</c> forms still read.
/// </summary>
public sealed record PollCursor(long LastId, DateTimeOffset? UpdatedSince, long? WalkTop = null, int WalkOffset = 0)
{
    public static PollCursor Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split('|');
        var since = parts.Length > 1 && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        var top = parts.Length > 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : (long?)null;
        var offset = parts.Length > 3 && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        return new PollCursor(Number(parts[0]), since, top, top is null ? 0 : offset);
    }

    public override string ToString()
    {
        var text = LastId.ToString(CultureInfo.InvariantCulture);
        var since = UpdatedSince is { } s ? s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : string.Empty;
        if (WalkTop is { } top)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{text}|{since}|{top}|{WalkOffset}");
        }

        return since.Length > 0 ? $"{text}|{since}" : text;
    }

    private static long Number(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
