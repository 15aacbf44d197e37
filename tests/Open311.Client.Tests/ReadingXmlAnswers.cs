namespace Open311.Client.Tests;

public sealed class ReadingXmlAnswers
{
    [Fact]
    public async Task ServicesWithStrayNamespacesAndPaddedTextAreRead()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.ServicesXml));

        var services = await city.Client.GetServicesAsync(city.Endpoint("xml"));

        Assert.Equal(2, services.Count);
        var light = services[0];
        Assert.Equal("017", light.Code);
        Assert.Equal("Streetlight_Out", light.Name);
        Assert.Equal("A streetlight is dark or flickering at night.", light.Description);
        Assert.True(light.Metadata);
        Assert.Equal("realtime", light.Type);
        Assert.Equal(["light", "lamp", "dark"], light.Keywords);
        Assert.Equal("Lighting", light.Group);
        var bicycle = services[1];
        Assert.Equal("042", bicycle.Code);
        Assert.Null(bicycle.Description);
        Assert.False(bicycle.Metadata);
        Assert.Equal("batch", bicycle.Type);
        Assert.Empty(bicycle.Keywords);
        Assert.Null(bicycle.Group);
        Assert.Equal("/open311/v2/services.xml?jurisdiction_id=city.example", Assert.Single(city.Paths));
    }

    [Fact]
    public async Task ADefinitionKeepsItsAttributesChoicesAndOrder()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.DefinitionXml));

        var definition = await city.Client.GetServiceDefinitionAsync(city.Endpoint("xml"), "017");

        Assert.Equal("017", definition.ServiceCode);
        Assert.Equal(["POLE_NO", "FAULT", "fixmystreet_id"], definition.Attributes.Select(a => a.Code));
        var pole = definition.Attributes[0];
        Assert.False(pole.Required);
        Assert.Equal(2, pole.Order);
        Assert.Empty(pole.Values);
        var fault = definition.Attributes[1];
        Assert.Equal("multivaluelist", fault.Datatype);
        Assert.True(fault.Required);
        Assert.True(fault.Variable);
        Assert.Equal(1, fault.Order);
        Assert.Equal("What is wrong?", fault.Description);
        Assert.Equal(
            [new RemoteAttributeValue { Key = "DARK", Name = "Completely dark" }, new RemoteAttributeValue { Key = "FLICKER", Name = "FLICKER" }],
            fault.Values);
        Assert.False(definition.Attributes[2].Variable);
        Assert.Equal("/open311/v2/services/017.xml?jurisdiction_id=city.example", Assert.Single(city.Paths));
    }

    [Fact]
    public async Task ADraftDefinitionWithoutTheAttributesContainerIsRead()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.DraftDefinitionXml));

        var definition = await city.Client.GetServiceDefinitionAsync(city.Endpoint("xml"), "9");

        var size = Assert.Single(definition.Attributes);
        Assert.Equal("SIZE", size.Code);
        Assert.Equal("number", size.Datatype);
        Assert.True(size.Required);
    }

    [Fact]
    public async Task RequestsWithOffsetsEmptyElementsAndPaddedUrlsAreRead()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.RequestsXml));

        var requests = await city.Client.GetRequestsAsync(city.Endpoint("xml"), new RequestSearch());

        Assert.Equal(2, requests.Count);
        var first = requests[0];
        Assert.Equal("5501", first.Id);
        Assert.Equal("open", first.Status);
        Assert.Null(first.StatusNotes);
        Assert.Equal("Dark since Tuesday.", first.Description);
        Assert.Equal("Public Works", first.AgencyResponsible);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 15, 0, TimeSpan.Zero), first.RequestedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 0, 0, 250, TimeSpan.Zero), first.UpdatedAt);
        Assert.Null(first.ExpectedAt);
        Assert.Equal("12 Elm St, Riverton 05401", first.Address);
        Assert.Equal(44.4758825, first.Lat);
        Assert.Equal(-73.212072, first.Long);
        Assert.Equal("https://media.riverton.example/5501.jpg", first.MediaUrl);
        var second = requests[1];
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), second.RequestedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero), second.UpdatedAt);
        Assert.Null(second.Lat);
        Assert.Null(second.Long);
    }

    [Fact]
    public async Task AnEmptyRequestListIsEmpty()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.EmptyRequestsXml));

        Assert.Empty(await city.Client.GetRequestsAsync(city.Endpoint("xml"), new RequestSearch { Status = "open" }));
    }

    [Fact]
    public async Task XmlIsReadWhateverTheAnswerIsLabelled()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("200 OK", "\r\n  " + Samples.CreatedXml, "application/json"));

        var outcome = await city.Client.PostRequestAsync(city.Endpoint("json"), new NewServiceRequest { ServiceCode = "017", AddressId = "1" });

        Assert.Equal("5503", outcome.ServiceRequestId);
        Assert.Equal("Crews respond within 3 days", outcome.ServiceNotice);
    }

    [Fact]
    public async Task ADocumentTypeDeclarationIsRefused()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml("""<?xml version="1.0"?><!DOCTYPE services [<!ENTITY x "boom">]><services><service><service_code>&x;</service_code></service></services>"""));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint("xml")));

        Assert.False(failure.Transient);
        Assert.Equal(200, failure.StatusCode);
        Assert.Contains("not valid XML", Assert.Single(failure.Reasons));
        Assert.Equal(1, city.Connections);
    }
}
