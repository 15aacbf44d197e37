using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Services;

public sealed class JurisdictionSelection(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task WithOneTownJurisdictionIdIsOptionalAndEmptyMeansAbsent()
    {
        await App.PutRivertonAsync();

        var absent = await Client.GetStringAsync("/open311/v2/services.json");
        var empty = await Client.GetStringAsync("/open311/v2/services.json?jurisdiction_id=");
        var named = await Client.GetStringAsync($"/open311/v2/services.json?jurisdiction_id={Towns.Riverton}");

        Assert.Equal(absent, empty);
        Assert.Equal(absent, named);
    }

    [Fact]
    public async Task WithSeveralTownsJurisdictionIdIsRequired()
    {
        await App.PutRivertonAsync();
        Assert.True((await App.PutTownAsync("lakeside.example", Towns.Minimal("Lakeside"))).IsSuccessStatusCode);

        var missing = await AssertJsonErrors(await Client.GetAsync("/open311/v2/services.json"), 400);
        var empty = await AssertXmlErrors(await Client.GetAsync("/open311/v2/services.xml?jurisdiction_id="), 400);
        var lakeside = await Client.GetStringAsync("/open311/v2/services.json?jurisdiction_id=lakeside.example");

        Assert.Contains("jurisdiction_id is required", missing[0]);
        Assert.Contains("jurisdiction_id is required", empty[0]);
        Assert.Contains("\"litter\"", lakeside);
    }

    [Fact]
    public async Task UnknownJurisdictionIs404()
    {
        await App.PutRivertonAsync();

        var errors = await AssertXmlErrors(await Client.GetAsync("/open311/v2/requests.xml?jurisdiction_id=atlantis.example"), 404);

        Assert.Contains("atlantis.example", errors[0]);
    }

    [Fact]
    public async Task AnEmptyDeploymentSaysSoIn404()
    {
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/services.json"), 404);
    }
}
