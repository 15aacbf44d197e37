using System.Text.Json;

namespace Open311.Core.Jurisdictions.Documents;

public sealed class ServiceDocument
{
    public string? ServiceCode { get; set; }

    public string? ServiceName { get; set; }

    public string? Description { get; set; }

    /// <summary>realtime (default), batch or blackbox.</summary>
    public string? Type { get; set; }

    /// <summary>An array of words, or one comma-separated string.</summary>
    public JsonElement? Keywords { get; set; }

    public string? Group { get; set; }

    public List<AttributeDocument>? Attributes { get; set; }
}
