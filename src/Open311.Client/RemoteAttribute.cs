namespace Open311.Client;

/// <summary>One attribute of a service definition.</summary>
public sealed record RemoteAttribute
{
    public required string Code { get; init; }

    /// <summary>As given: <c>string</c>, <c>number</c>, <c>datetime</c>, <c>text</c>, <c>singlevaluelist</c>, <c>multivaluelist</c>, or a city's own.</summary>
    public string? Datatype { get; init; }

    public bool Required { get; init; }

    /// <summary>False for informational attributes that take no input.</summary>
    public bool Variable { get; init; } = true;

    public string? Description { get; init; }

    public int? Order { get; init; }

    public IReadOnlyList<RemoteAttributeValue> Values { get; init; } = [];
}
