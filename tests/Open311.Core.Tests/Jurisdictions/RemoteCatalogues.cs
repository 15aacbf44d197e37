using Open311.Core.Jurisdictions.Remote;

namespace Open311.Core.Tests.Jurisdictions;

/// <summary>Service lists in the shapes real servers send (our own samples, written after public captures).</summary>
public sealed class RemoteCatalogues
{
    [Fact]
    public void XmlWithStrayNamespacesAndEmptyElementsIsRead()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?><services xmlns:m="http://example.org/m" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><service><service_code>001</service_code><service_name>Cans left out 24x7</service_name><description>Garbage or recycling cans left out
            </description><metadata>false</metadata><type>realtime</type><keywords/><group>Sanitation</group></service><m:service><service_code>002</service_code><service_name/><type>BATCH</type></m:service><service><service_code></service_code><service_name>no code</service_name></service></services>
            """;

        var services = RemoteServicesParser.Parse(xml, "xml");

        Assert.Equal(["001", "002"], services.Select(s => s.ServiceCode));
        Assert.Equal("Cans left out 24x7", services[0].ServiceName);
        Assert.Null(services[0].Keywords);
        Assert.Equal("Garbage or recycling cans left out", services[0].Description);
        Assert.Equal("002", services[1].ServiceName);
        Assert.Equal("batch", services[1].Type);
    }

    [Fact]
    public void JsonWithNumbersWhereStringsBelongIsRead()
    {
        const string json = """[{"service_code":1,"service_name":"Pothole","metadata":"true","type":"realtime","keywords":"road, hole","group":null},{"service_code":"2","service_name":"Graffiti","type":"unknown"}]""";

        var services = RemoteServicesParser.Parse(json, "json");

        Assert.Equal(["1", "2"], services.Select(s => s.ServiceCode));
        Assert.Equal("road, hole", services[0].Keywords!.Value.GetString());
        Assert.Null(services[1].Type);
    }

    [Fact]
    public void AnHtmlErrorPageIsNotACatalogue()
    {
        Assert.ThrowsAny<Exception>(() => RemoteServicesParser.Parse("<html><body>Bad gateway", "json"));
        Assert.ThrowsAny<Exception>(() => RemoteServicesParser.Parse("{\"error\":\"down\"}", "json"));
    }
}
