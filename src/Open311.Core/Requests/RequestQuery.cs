namespace Open311.Core.Requests;

/// <summary>
/// A validated GET requests query. When <see cref="Ids"/> is set it overrides everything else, as the spec says;
/// otherwise the window is on <c>requested_datetime</c> (<see cref="Start"/>..<see cref="End"/>) or, for sync
/// clients, on <c>updated_datetime</c> (<see cref="UpdatedAfter"/>..<see cref="UpdatedBefore"/>).
/// </summary>
public sealed record RequestQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];

    public IReadOnlyList<string> ServiceCodes { get; init; } = [];

    public IReadOnlyList<string> Statuses { get; init; } = [];

    public DateTimeOffset Start { get; init; }

    public DateTimeOffset End { get; init; }

    public DateTimeOffset? UpdatedAfter { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary>True when the window is on <c>updated_datetime</c> rather than <c>requested_datetime</c>.</summary>
    public bool ByUpdated => UpdatedAfter is not null || UpdatedBefore is not null;

    /// <summary>How many matching requests to skip (from <c>page</c>), newest first.</summary>
    public int Skip { get; init; }

    /// <summary>How many to return: at most 1,000, the spec's cap.</summary>
    public int Take { get; init; } = RequestQueryParser.MaxResults;

    public bool Extensions { get; init; }

    /// <summary>Staff only: private (blackbox) requests are listed too. Never set from a public query.</summary>
    public bool IncludePrivate { get; init; }

    /// <summary>Staff only: words the id, description, address or service name must contain (any case).</summary>
    public string? Text { get; init; }

    /// <summary>Whether a request's listed fields pass <see cref="Text"/>.</summary>
    public bool TextMatches(params string?[] fields) =>
        string.IsNullOrWhiteSpace(Text) || fields.Any(f => f is not null && f.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase));
}
