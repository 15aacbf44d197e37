namespace Open311.Client;

/// <summary>One choice of a list attribute: the key to send and the name to show.</summary>
public sealed record RemoteAttributeValue
{
    public required string Key { get; init; }

    /// <summary>The city's label; the key when the city gave none.</summary>
    public required string Name { get; init; }
}
