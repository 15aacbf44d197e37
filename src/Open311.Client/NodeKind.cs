namespace Open311.Client;

internal enum NodeKind
{
    /// <summary>Text: an XML element without child elements, or a JSON string, number, boolean or null.</summary>
    Text,

    /// <summary>An XML element with child elements.</summary>
    Element,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array (a Spark list).</summary>
    Array,
}
