using System.Globalization;

namespace Open311.Core.Protocol;

/// <summary>
/// One node of a GeoReport v2 document. Every response is built once as a tree of elements and written
/// by <see cref="XmlElementWriter"/> or <see cref="SparkJsonWriter"/>, so the XML and JSON forms cannot
/// drift apart (the most reported interoperability bug in the Open311 ecosystem).
/// </summary>
public sealed class Element
{
    private Element(string name, ElementKind kind, string? text, IReadOnlyList<Element>? children)
    {
        Name = name;
        Kind = kind;
        Text = text;
        Children = children ?? [];
    }

    public string Name { get; }

    public ElementKind Kind { get; }

    /// <summary>The scalar's text form, already formatted for both XML and JSON; null for a null value.</summary>
    public string? Text { get; }

    public IReadOnlyList<Element> Children { get; }

    /// <summary>An element with named children: a JSON object.</summary>
    public static Element Object(string name, params IEnumerable<Element?> children) =>
        new(name, ElementKind.Object, null, children.OfType<Element>().ToArray());

    /// <summary>A container of repeated children: a JSON array even when it holds one item (Spark convention).</summary>
    public static Element List(string name, IEnumerable<Element> items) =>
        new(name, ElementKind.List, null, items.ToArray());

    public static Element String(string name, string? value) =>
        new(name, value is null ? ElementKind.Null : ElementKind.String, value, null);

    public static Element Integer(string name, long? value) =>
        new(name, value is null ? ElementKind.Null : ElementKind.Number, value?.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>A coordinate: always written with a decimal point (validators reject <c>52</c> for <c>52.0</c>).</summary>
    public static Element Decimal(string name, double? value) =>
        new(name, value is null ? ElementKind.Null : ElementKind.Number, value is { } v ? FormatDecimal(v) : null, null);

    public static Element Boolean(string name, bool value) =>
        new(name, ElementKind.Boolean, value ? "true" : "false", null);

    public static Element DateTime(string name, DateTimeOffset? value) =>
        String(name, value is { } v ? Open311Time.Format(v) : null);

    private static string FormatDecimal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
        {
            text = value.ToString("0.0###################", CultureInfo.InvariantCulture);
        }

        return text.Contains('.') ? text : text + ".0";
    }
}
