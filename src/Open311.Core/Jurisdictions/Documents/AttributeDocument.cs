namespace Open311.Core.Jurisdictions.Documents;

public sealed class AttributeDocument
{
    public string? Code { get; set; }

    /// <summary>Defaults to true (a question for the user).</summary>
    public bool? Variable { get; set; }

    public string? Datatype { get; set; }

    public bool? Required { get; set; }

    public string? DatatypeDescription { get; set; }

    /// <summary>Defaults to the attribute's position (1-based).</summary>
    public int? Order { get; set; }

    public string? Description { get; set; }

    public List<AttributeValueDocument>? Values { get; set; }
}
