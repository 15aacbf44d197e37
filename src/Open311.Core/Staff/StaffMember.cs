using Open311.Core.Protocol;

namespace Open311.Core.Staff;

/// <summary>
/// Someone working a town's requests: the name written into each request's history for what they do, and the towns
/// they may see (ids compared as the registry does, ignoring case). <see cref="Jurisdictions"/> null means every town (the admin key).
/// </summary>
public sealed record StaffMember(string Name, IReadOnlyList<string>? Jurisdictions)
{
    public static StaffMember Administrator { get; } = new("admin", null);

    public bool IsAdmin => Jurisdictions is null;

    public bool Allows(string? jurisdictionId) =>
        IsAdmin || (jurisdictionId is not null && Jurisdictions!.Contains(jurisdictionId, StringComparer.OrdinalIgnoreCase));

    /// <summary>A 403 unless this member works for <paramref name="jurisdictionId"/>.</summary>
    public void Require(string? jurisdictionId)
    {
        if (!Allows(jurisdictionId))
        {
            throw Open311Exception.Forbidden($"{Name} does not work for '{InputText.Quote(jurisdictionId ?? "(none)")}'.");
        }
    }
}
