namespace Open311.Client;

/// <summary>A service's definition: the attributes a request for it may or must carry.</summary>
public sealed record RemoteServiceDefinition
{
    public required string ServiceCode { get; init; }

    /// <summary>In the city's order of listing (see <see cref="RemoteAttribute.Order"/> for the display order).</summary>
    public IReadOnlyList<RemoteAttribute> Attributes { get; init; } = [];
}
