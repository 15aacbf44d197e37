namespace Open311.Client;

/// <summary>One endpoint a city's discovery document lists.</summary>
public sealed record RemoteDiscoveryEndpoint
{
    /// <summary>The specification it implements, e.g. <c>http://wiki.open311.org/GeoReport_v2</c>.</summary>
    public string? Specification { get; init; }

    public required Uri Url { get; init; }

    public DateTimeOffset? Changeset { get; init; }

    /// <summary><c>production</c>, <c>test</c>, or whatever the city wrote (trimmed, lower-cased).</summary>
    public string? Type { get; init; }

    /// <summary>Media types it answers in: <c>text/xml</c>, <c>application/json</c>.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    public bool IsGeoReportV2 => Specification?.Contains("GeoReport_v2", StringComparison.OrdinalIgnoreCase) == true;
}
