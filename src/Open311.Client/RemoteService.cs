namespace Open311.Client;

/// <summary>A service a city lists in its GET services answer.</summary>
public sealed record RemoteService
{
    public required string Code { get; init; }

    /// <summary>The city's name for the service; its code when the city gave none.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>True when the service has a definition (attributes) to load.</summary>
    public bool Metadata { get; init; }

    /// <summary><c>realtime</c>, <c>batch</c> or <c>blackbox</c>; anything else reads as <c>realtime</c>.</summary>
    public string Type { get; init; } = "realtime";

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string? Group { get; init; }
}
