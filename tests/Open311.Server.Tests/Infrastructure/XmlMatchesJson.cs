using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>
/// Checks that an XML answer is the Spark-convention twin of a JSON answer: same elements, same order, arrays
/// where XML has containers, the same text for every value. With the JSON validated by the schemas, this holds
/// the XML to the same rules.
/// </summary>
public static class XmlMatchesJson
{
    public static void Assert(string xml, string json)
    {
        Xunit.Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        var root = XDocument.Parse(xml).Root!;
        Xunit.Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.Namespace != XNamespace.None || e.Attributes().Any());
        Compare(root, JsonNode.Parse(json), root.Name.LocalName);
    }

    private static void Compare(XElement element, JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                var items = element.Elements().ToList();
                Xunit.Assert.True(items.Count == array.Count, $"{path}: XML has {items.Count} children, JSON {array.Count} items");
                for (var i = 0; i < items.Count; i++)
                {
                    Compare(items[i], array[i], $"{path}/{items[i].Name.LocalName}[{i}]");
                }

                break;
            case JsonObject obj:
                var children = element.Elements().ToList();
                Xunit.Assert.Equal(obj.Select(p => p.Key).ToList(), children.Select(c => c.Name.LocalName).ToList());
                foreach (var child in children)
                {
                    Compare(child, obj[child.Name.LocalName], $"{path}/{child.Name.LocalName}");
                }

                break;
            case null:
                Xunit.Assert.True(element.IsEmpty || element.Value.Length == 0, $"{path}: JSON null but XML '{element.Value}'");
                break;
            default:
                var value = node.AsValue();
                var expected = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                Xunit.Assert.True(expected == element.Value, $"{path}: JSON '{expected}' but XML '{element.Value}'");
                break;
        }
    }
}
