namespace Open311.Core.Keys;

/// <summary>
/// A client's API key as stored: never the key itself, only its hash (<see cref="Id"/> is a short prefix of that
/// hash, safe to log). An empty <see cref="Jurisdictions"/> list means every jurisdiction hosted here.
/// </summary>
public sealed record ApiKey(string Id, string Name, IReadOnlyList<string> Jurisdictions, int RatePerMinute, DateTimeOffset CreatedAt)
{
    public bool Allows(string jurisdictionId) => Jurisdictions.Count == 0 || Jurisdictions.Contains(jurisdictionId, StringComparer.Ordinal);
}
