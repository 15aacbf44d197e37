namespace Open311.Core.Services;

/// <summary>A question of a service definition.</summary>
public sealed record ServiceAttribute(
    string Code,
    bool Variable,
    AttributeDatatype Datatype,
    bool Required,
    string? DatatypeDescription,
    int Order,
    string Description,
    IReadOnlyList<AttributeValue> Values)
{
    public bool IsList => Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
}
