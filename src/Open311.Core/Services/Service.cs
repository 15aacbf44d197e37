namespace Open311.Core.Services;

/// <summary>A request type a jurisdiction accepts (pothole, graffiti, …) with its definition.</summary>
public sealed record Service(
    string Code,
    string Name,
    string? Description,
    ServiceType Type,
    IReadOnlyList<string> Keywords,
    string? Group,
    IReadOnlyList<ServiceAttribute> Attributes)
{
    /// <summary>True when clients should load the definition: every hosted service has at least the external-id attribute.</summary>
    public bool Metadata => Attributes.Count > 0;
}
