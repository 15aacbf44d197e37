namespace Open311.Client;

/// <summary>
/// Filters of GET Service Requests. Ids, when given, override every other filter (as the spec says); the updated
/// window is the common <c>updated_after</c>/<c>updated_before</c> extension. Times are sent in UTC.
/// </summary>
public sealed record RequestSearch
{
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>One code or a comma-delimited list.</summary>
    public string? ServiceCode { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? UpdatedAfter { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary><c>open</c>, <c>closed</c> or both comma-delimited.</summary>
    public string? Status { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string?>> ToQuery()
    {
        var ids = Ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToList();
        if (ids.Count > 0)
        {
            // Servers that ignore the override would otherwise filter the ids away.
            return [new("service_request_id", string.Join(',', ids))];
        }

        return
        [
            new("service_code", ServiceCode),
            new("start_date", Stamp(StartDate)),
            new("end_date", Stamp(EndDate)),
            new("updated_after", Stamp(UpdatedAfter)),
            new("updated_before", Stamp(UpdatedBefore)),
            new("status", Status),
        ];
    }

    private static string? Stamp(DateTimeOffset? value) => value is { } v ? Dates.Format(v) : null;
}
