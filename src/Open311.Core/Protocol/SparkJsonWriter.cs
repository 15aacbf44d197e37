using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Open311.Core.Protocol;

/// <summary>
/// Writes an element tree by the Spark convention the spec names for JSON: the root element is dropped,
/// lists are always arrays, scalars keep their JSON type (ids stay strings, lat/long are numbers).
/// </summary>
public static class SparkJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    public static void Write(Element root, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        WriteValue(writer, root);
        writer.Flush();
    }

    public static string WriteToString(Element root)
    {
        using var stream = new MemoryStream();
        Write(root, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, Element element)
    {
        switch (element.Kind)
        {
            case ElementKind.Object:
                writer.WriteStartObject();
                foreach (var child in element.Children)
                {
                    writer.WritePropertyName(child.Name);
                    WriteValue(writer, child);
                }

                writer.WriteEndObject();
                break;
            case ElementKind.List:
                writer.WriteStartArray();
                foreach (var child in element.Children)
                {
                    WriteValue(writer, child);
                }

                writer.WriteEndArray();
                break;
            case ElementKind.String:
                writer.WriteStringValue(InputText.XmlSafe(element.Text!));
                break;
            case ElementKind.Number:
            case ElementKind.Boolean:
                writer.WriteRawValue(element.Text!, skipInputValidation: true);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
