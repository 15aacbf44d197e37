namespace Open311.Core.Staff;

/// <summary>
/// A staff key as stored: only the hash of the key itself is kept (<see cref="Id"/> is a short prefix of it, safe to
/// show and log). A staff key always names the towns it works for.
/// </summary>
public sealed record StaffKey(string Id, string Name, IReadOnlyList<string> Jurisdictions, DateTimeOffset CreatedAt)
{
    public StaffMember Member => new(Name, Jurisdictions);
}
