namespace Open311.Client;

/// <summary>A city's discovery document (GeoReport v2 "Service Discovery"): who runs it and where its endpoints are.</summary>
public sealed record RemoteDiscovery
{
    public DateTimeOffset? Changeset { get; init; }

    public string? Contact { get; init; }

    public string? KeyService { get; init; }

    public IReadOnlyList<RemoteDiscoveryEndpoint> Endpoints { get; init; } = [];

    /// <summary>
    /// The GeoReport v2 endpoint to use — production before test, the newest changeset first — in a format it lists
    /// (JSON when it offers both, XML when it lists only that); null when the city lists none.
    /// </summary>
    public Open311Endpoint? GeoReportV2(string? jurisdictionId = null, string? apiKey = null)
    {
        var chosen = Endpoints
            .Where(e => e.IsGeoReportV2)
            .OrderBy(e => e.Type == "production" ? 0 : e.Type == "test" ? 2 : 1)
            .ThenByDescending(e => e.Changeset ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var json = chosen.Formats.Count == 0 || chosen.Formats.Any(f => f.Contains("json", StringComparison.OrdinalIgnoreCase));
        return new Open311Endpoint(chosen.Url, jurisdictionId, apiKey, json ? "json" : "xml");
    }
}
