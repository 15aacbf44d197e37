using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Jurisdictions.Remote;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Routing;

/// <summary>A second instance of our own server plays the remote Open311 city whose catalogue is synced.</summary>
public sealed class RemoteCatalogueSync(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task ARemoteCatalogueIsCopiedFromItsOwnServicesAnswer()
    {
        await using var city = new Open311App(Azurite.ConnectionString);
        var cityUrl = city.StartOnLoopback();
        await city.PutRivertonAsync();
        await using var hub = Hub();
        await PutRemoteAsync(hub, cityUrl, "json");

        var synced = await hub.Admin().PostAsync("/open311/manage/jurisdictions/riverton-remote/sync", null);

        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        var document = JsonNode.Parse(await synced.Content.ReadAsStringAsync())!;
        Assert.Equal(13, document["services"]!.AsArray().Count);
        Assert.NotNull(document["remote"]!["synced_at"]);
        var lookup = JsonNode.Parse(await hub.CreateClient().GetStringAsync("/open311/lookup.json?lat=44.2&long=-72.57&category=pothole"))!.AsArray();
        Assert.Equal(["pothole"], lookup.Single()!["services"]!.AsArray().Select(s => s!["service_code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task XmlCataloguesSyncToo()
    {
        await using var city = new Open311App(Azurite.ConnectionString);
        var cityUrl = city.StartOnLoopback();
        await city.PutRivertonAsync();
        await using var hub = Hub();
        await PutRemoteAsync(hub, cityUrl, "xml");

        var updated = await hub.Services.GetRequiredService<RemoteCatalogSync>().SyncAllAsync(CancellationToken.None);

        Assert.Equal(1, updated);
        var document = await JsonOf(await hub.Admin().GetAsync("/open311/manage/jurisdictions/riverton-remote"));
        Assert.Equal("Pothole", document["services"]![0]!["service_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailingRemoteKeepsTheLastCatalogue()
    {
        await using var city = new Open311App(Azurite.ConnectionString);
        var cityUrl = city.StartOnLoopback();
        await using var hub = Hub();
        await PutRemoteAsync(hub, cityUrl, "json");

        var synced = await hub.Admin().PostAsync("/open311/manage/jurisdictions/riverton-remote/sync", null);

        await AssertJsonErrors(synced, 502);
        var document = await JsonOf(await hub.Admin().GetAsync("/open311/manage/jurisdictions/riverton-remote"));
        Assert.Equal("old", document["services"]![0]!["service_code"]!.GetValue<string>());
    }

    private Open311App Hub() => new(Azurite.ConnectionString, settings: Open311App.LoopbackAllowed);

    private static async Task PutRemoteAsync(Open311App hub, string cityUrl, string format)
    {
        var document = new JsonObject
        {
            ["name"] = "Riverton (remote)",
            ["boundary"] = Towns.RivertonDocument()["boundary"]!.DeepClone(),
            ["remote"] = new JsonObject { ["endpoint"] = $"{cityUrl}/open311/v2", ["jurisdiction_id"] = Towns.Riverton, ["format"] = format },
            ["services"] = new JsonArray(new JsonObject { ["service_code"] = "old", ["service_name"] = "Old catalogue" }),
        };
        var response = await hub.PutTownAsync("riverton-remote", document.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
