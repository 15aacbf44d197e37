namespace Open311.Core.Jurisdictions.Documents;

public sealed class AttributeValueDocument
{
    public string? Key { get; set; }

    public string? Name { get; set; }
}
