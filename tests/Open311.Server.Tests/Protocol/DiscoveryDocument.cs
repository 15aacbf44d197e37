using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Protocol;

public sealed class DiscoveryDocument(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task DiscoveryHasEveryRequiredFieldInBothFormats()
    {
        await App.PutRivertonAsync();

        var json = await Client.GetStringAsync("/open311/discovery.json");
        var xml = await Client.GetStringAsync("/open311/discovery.xml");

        XmlMatchesJson.Assert(xml, json);
        var discovery = JsonNode.Parse(json)!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", discovery["changeset"]!.GetValue<string>());
        Assert.Contains("Riverton 311", discovery["contact"]!.GetValue<string>());
        Assert.Contains("API key", discovery["key_service"]!.GetValue<string>());
        var endpoint = Assert.Single(discovery["endpoints"]!.AsArray())!;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint["specification"]!.GetValue<string>());
        Assert.Equal($"{Open311App.PublicBase}/open311/v2", endpoint["url"]!.GetValue<string>());
        Assert.Equal("production", endpoint["type"]!.GetValue<string>());
        Assert.Equal(["text/xml", "application/json"], endpoint["formats"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task ATestEndpointCanBeListedBesideProduction()
    {
        await using var app = new Open311App(Azurite.ConnectionString, settings: new() { ["Open311:TestEndpointUrl"] = "https://staging.example.org/open311/v2" });
        await app.PutRivertonAsync();

        var json = await app.CreateClient().GetStringAsync("/open311/discovery.json");

        var endpoints = JsonNode.Parse(json)!["endpoints"]!.AsArray();
        Assert.Equal(["production", "test"], endpoints.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("https://staging.example.org/open311/v2", endpoints[1]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangesetMovesWhenTheCatalogueChanges()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = new Open311App(Azurite.ConnectionString, time);
        await app.PutRivertonAsync();
        var client = app.CreateClient();
        var before = JsonNode.Parse(await client.GetStringAsync("/open311/discovery.json"))!["changeset"]!.GetValue<string>();

        time.Advance(TimeSpan.FromHours(3));
        await app.PutRivertonAsync();
        var after = JsonNode.Parse(await client.GetStringAsync("/open311/discovery.json"))!["changeset"]!.GetValue<string>();

        Assert.Equal("2026-03-01T12:00:00Z", before);
        Assert.Equal("2026-03-01T15:00:00Z", after);
    }
}
