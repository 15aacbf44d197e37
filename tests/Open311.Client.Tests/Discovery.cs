namespace Open311.Client.Tests;

/// <summary>Discovery documents in both formats (our own samples, in the spec's shape) and the choice of endpoint.</summary>
public sealed class Discovery
{
    [Fact]
    public async Task TheProductionGeoReportEndpointIsChosenInJsonWhenOffered()
    {
        await using var city = new CityStandIn();
        var v2 = city.Endpoint().BaseUrl.AbsoluteUri;
        city.Script(CityStandIn.Json($$"""
            {"changeset":"2026-02-01T10:00:00Z","contact":"311@city.example","key_service":"Ask at city hall",
             "endpoints":[
              {"specification":"http://wiki.open311.org/GeoReport_v2","url":"https://test.city.example/open311/v2","changeset":"2026-03-01T00:00:00Z","type":"test","formats":["application/json"]},
              {"specification":"http://wiki.open311.org/GeoReport_v2","url":"{{v2}}","changeset":"2026-01-05T00:00:00Z","type":"production","formats":["text/xml","application/json"]},
              {"specification":"http://wiki.open311.org/Inbox_v1","url":"https://city.example/inbox","type":"production","formats":["application/json"]}]}
            """), CityStandIn.Json("""[{"service_code":"017","service_name":"Streetlight"}]"""));

        var discovery = await city.Client.GetDiscoveryAsync(new Uri(new Uri(v2), "discovery.json"));
        var endpoint = discovery.GeoReportV2("city.example")!;
        var services = await city.Client.GetServicesAsync(endpoint);

        Assert.Equal(("311@city.example", "Ask at city hall", 3), (discovery.Contact, discovery.KeyService, discovery.Endpoints.Count));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), discovery.Changeset);
        Assert.Equal((v2.TrimEnd('/'), "json", "city.example"), (endpoint.BaseUrl.AbsoluteUri, endpoint.Format, endpoint.JurisdictionId));
        Assert.Equal(["017"], services.Select(s => s.Code));
        Assert.Equal(["/open311/discovery.json", "/open311/v2/services.json?jurisdiction_id=city.example"], city.Paths);
    }

    [Fact]
    public async Task AnXmlOnlyCityIsSpokenToInXmlAndEndpointsWithoutAUsableAddressAreLeftOut()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml("""
            <?xml version="1.0" encoding="utf-8"?>
            <discovery><changeset>2026-01-05T00:00:00Z</changeset><contact>Call 311</contact><key_service/>
             <endpoints>
              <endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>ftp://city.example/v2</url><type>production</type></endpoint>
              <endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>https://city.example/open311/v2</url><changeset>2026-01-05T00:00:00Z</changeset><type>Production</type>
               <formats><format>text/xml</format></formats></endpoint>
             </endpoints></discovery>
            """));

        var discovery = await city.Client.GetDiscoveryAsync(new Uri(city.Endpoint().BaseUrl, "discovery.xml"));

        var endpoint = Assert.Single(discovery.Endpoints);
        Assert.Equal(["text/xml"], endpoint.Formats);
        Assert.Equal("production", endpoint.Type);
        Assert.Null(discovery.KeyService);
        Assert.Equal(("https://city.example/open311/v2", "xml"), (discovery.GeoReportV2()!.BaseUrl.AbsoluteUri, discovery.GeoReportV2()!.Format));
    }

    [Fact]
    public void NoGeoReportEndpointMeansNoneIsChosen()
    {
        var discovery = new RemoteDiscovery { Endpoints = [new RemoteDiscoveryEndpoint { Specification = "http://wiki.open311.org/Inbox_v1", Url = new Uri("https://city.example/inbox") }] };

        Assert.Null(discovery.GeoReportV2());
    }
}
