using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Services;

public sealed class ServiceListAndDefinitions(AzuriteFixture azurite) : AppTest(azurite)
{
    public override Task InitializeAsync() => App.PutRivertonAsync();

    [Fact]
    public async Task ServiceListValidatesAndMatchesXml()
    {
        var json = await Client.GetStringAsync("/open311/v2/services.json");
        var xml = await Client.GetStringAsync("/open311/v2/services.xml");

        Open311Schemas.AssertValid("services.json", json);
        XmlMatchesJson.Assert(xml, json);
        var services = JsonNode.Parse(json)!.AsArray();
        Assert.Equal(13, services.Count);
        var pothole = services.Single(s => s!["service_code"]!.GetValue<string>() == "pothole")!;
        Assert.True(pothole["metadata"]!.GetValue<bool>());
        Assert.Equal("realtime", pothole["type"]!.GetValue<string>());
        Assert.Equal("pothole, road, hole, asphalt", pothole["keywords"]!.GetValue<string>());
        Assert.Equal("Streets", pothole["group"]!.GetValue<string>());
        Assert.Contains(services, s => s!["type"]!.GetValue<string>() == "batch");
        Assert.Contains(services, s => s!["type"]!.GetValue<string>() == "blackbox");
    }

    [Fact]
    public async Task EveryDefinitionValidatesAndMatchesXml()
    {
        var services = JsonNode.Parse(await Client.GetStringAsync("/open311/v2/services.json"))!.AsArray();
        var datatypes = new HashSet<string>();
        foreach (var code in services.Select(s => s!["service_code"]!.GetValue<string>()))
        {
            var json = await Client.GetStringAsync($"/open311/v2/services/{code}.json");
            var xml = await Client.GetStringAsync($"/open311/v2/services/{code}.xml");
            Open311Schemas.AssertValid("service-definition.json", json);
            XmlMatchesJson.Assert(xml, json);

            var attributes = JsonNode.Parse(json)!["attributes"]!.AsArray();
            var orders = attributes.Select(a => a!["order"]!.GetValue<int>()).ToList();
            Assert.Equal(orders.Order().ToList(), orders);
            Assert.Equal(orders.Count, orders.Distinct().Count());
            Assert.All(orders, o => Assert.True(o > 0));
            datatypes.UnionWith(attributes.Select(a => a!["datatype"]!.GetValue<string>()));
        }

        Assert.Equal(["datetime", "multivaluelist", "number", "singlevaluelist", "string", "text"], datatypes.Order());
    }

    [Fact]
    public async Task DefinitionsDeclareTheExternalIdAttributeAsServerSet()
    {
        var definition = JsonNode.Parse(await Client.GetStringAsync("/open311/v2/services/sidewalk.json"))!;

        var attribute = Assert.Single(definition["attributes"]!.AsArray())!;
        Assert.Equal("fixmystreet_id", attribute["code"]!.GetValue<string>());
        Assert.False(attribute["variable"]!.GetValue<bool>());
        Assert.False(attribute["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListAttributesCarryTheirValuesAsArrays()
    {
        var definition = JsonNode.Parse(await Client.GetStringAsync("/open311/v2/services/pothole.json"))!;

        var size = definition["attributes"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "size")!;
        Assert.Equal("singlevaluelist", size["datatype"]!.GetValue<string>());
        Assert.True(size["required"]!.GetValue<bool>());
        Assert.Equal(["small", "medium", "large"], size["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnknownServiceCodeIs404InTheRequestedFormat()
    {
        var json = await AssertJsonErrors(await Client.GetAsync("/open311/v2/services/nope.json"), 404);
        var xml = await AssertXmlErrors(await Client.GetAsync("/open311/v2/services/nope.xml"), 404);

        Assert.Contains("nope", json[0]);
        Assert.Equal(json, xml);
    }

    [Fact]
    public async Task AnswersCarryTheSpecContentTypesAndCors()
    {
        var json = await Client.GetAsync("/open311/v2/services.json");
        var xml = await Client.GetAsync("/open311/v2/services.xml");

        Assert.Equal("application/json; charset=utf-8", json.Content.Headers.ContentType!.ToString());
        Assert.Equal("text/xml; charset=utf-8", xml.Content.Headers.ContentType!.ToString());
        Assert.Equal("*", json.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
