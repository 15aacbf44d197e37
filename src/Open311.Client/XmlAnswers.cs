using System.Xml;
using System.Xml.Linq;

namespace Open311.Client;

/// <summary>
/// Reads an XML answer into the neutral tree: no DTDs, no external resources, names by local name (cities add stray
/// namespaces), text trimmed.
/// </summary>
internal static class XmlAnswers
{
    private const int MaxDepth = 64;

    /// <exception cref="XmlException">The text is not well-formed XML, or it declares a DTD.</exception>
    /// <exception cref="FormatException">The document is nested deeper than any GeoReport answer.</exception>
    public static Node Read(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var root = XDocument.Load(reader).Root ?? throw new FormatException("the XML answer has no root element");
        return Convert(root, 0);
    }

    private static Node Convert(XElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("the XML answer is nested too deeply");
        }

        return element.HasElements
            ? new Node(NodeKind.Element, element.Name.LocalName, null, element.Elements().Select(e => Convert(e, depth + 1)).ToList())
            : new Node(NodeKind.Text, element.Name.LocalName, Node.Clean(element.Value), []);
    }
}
