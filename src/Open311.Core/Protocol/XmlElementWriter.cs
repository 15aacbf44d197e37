using System.Text;
using System.Xml;

namespace Open311.Core.Protocol;

/// <summary>Writes an element tree as namespace-free UTF-8 XML with the declaration, as the spec requires.</summary>
public static class XmlElementWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
        Indent = false,
        Async = false,
    };

    public static void Write(Element root, Stream stream)
    {
        using var writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument();
        WriteElement(writer, root);
        writer.WriteEndDocument();
    }

    public static string WriteToString(Element root)
    {
        using var stream = new MemoryStream();
        Write(root, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteElement(XmlWriter writer, Element element)
    {
        writer.WriteStartElement(element.Name);
        switch (element.Kind)
        {
            case ElementKind.Object:
            case ElementKind.List:
                foreach (var child in element.Children)
                {
                    WriteElement(writer, child);
                }

                break;
            case ElementKind.Null:
                break;
            default:
                writer.WriteString(InputText.XmlSafe(element.Text!));
                break;
        }

        writer.WriteEndElement();
    }
}
