namespace Open311.Core.Jurisdictions;

/// <summary>Every hosted jurisdiction as of one registry stamp.</summary>
public sealed record JurisdictionSnapshot(IReadOnlyDictionary<string, Jurisdiction> ById, string? Stamp, DateTimeOffset Changeset)
{
    public static readonly JurisdictionSnapshot Empty = new(new Dictionary<string, Jurisdiction>(), null, DateTimeOffset.UnixEpoch);
}
