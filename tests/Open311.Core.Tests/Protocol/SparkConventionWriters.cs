using Open311.Core.Protocol;

namespace Open311.Core.Tests.Protocol;

public sealed class SparkConventionWriters
{
    private static readonly Element OneRequest = Element.List("service_requests", [Element.Object(
        "request",
        Element.String("service_request_id", "001"),
        Element.Decimal("lat", 52),
        Element.Decimal("long", -0.1275),
        Element.Boolean("metadata", true),
        Element.Integer("order", 3),
        Element.String("status_notes", null))]);

    [Fact]
    public void JsonDropsTheRootAndKeepsAOneItemListAnArray()
    {
        Assert.Equal(
            """[{"service_request_id":"001","lat":52.0,"long":-0.1275,"metadata":true,"order":3,"status_notes":null}]""",
            SparkJsonWriter.WriteToString(OneRequest));
    }

    [Fact]
    public void XmlHasTheDeclarationNoNamespaceAndEmptyElementsForNull()
    {
        Assert.Equal(
            """<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>001</service_request_id><lat>52.0</lat><long>-0.1275</long><metadata>true</metadata><order>3</order><status_notes /></request></service_requests>""",
            XmlElementWriter.WriteToString(OneRequest));
    }

    [Fact]
    public void AListOfScalarsIsAJsonArrayOfValues()
    {
        var formats = Element.List("formats", [Element.String("format", "text/xml"), Element.String("format", "application/json")]);

        Assert.Equal("""["text/xml","application/json"]""", SparkJsonWriter.WriteToString(formats));
        Assert.EndsWith("<formats><format>text/xml</format><format>application/json</format></formats>", XmlElementWriter.WriteToString(formats));
    }

    [Fact]
    public void TextXmlCannotCarryIsReplacedInBothFormats()
    {
        var text = Element.Object("e", Element.String("d", "a\u0001b\uFFFEc\ud800d"));

        Assert.Equal("{\"d\":\"a\uFFFDb\uFFFDc\uFFFDd\"}", SparkJsonWriter.WriteToString(text));
        Assert.EndsWith("<e><d>a\uFFFDb\uFFFDc\uFFFDd</d></e>", XmlElementWriter.WriteToString(text));
    }

    [Fact]
    public void MarkupInTextIsEscaped()
    {
        var text = Element.Object("e", Element.String("d", "<b>&</b>"));

        Assert.EndsWith("<e><d>&lt;b&gt;&amp;&lt;/b&gt;</d></e>", XmlElementWriter.WriteToString(text));
    }
}
