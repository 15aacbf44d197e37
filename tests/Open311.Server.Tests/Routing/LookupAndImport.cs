using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Routing;

public sealed class LookupAndImport(AzuriteFixture azurite) : AppTest(azurite)
{
    /// <summary>Two counties that split Riverton's area and a state around both, as an admin would import them.</summary>
    private static JsonObject Counties() => JsonNode.Parse("""
        {
          "id_prefix": "us-county-", "tier": "county",
          "features": { "type": "FeatureCollection", "features": [
            { "type": "Feature", "id": "50023", "properties": { "name": "Washington" },
              "geometry": { "type": "Polygon", "coordinates": [[[-73.0,44.0],[-72.55,44.0],[-72.55,44.5],[-73.0,44.5]]] } },
            { "type": "Feature", "id": 50017, "properties": { "name": "Orange" },
              "geometry": { "type": "Polygon", "coordinates": [[[-72.55,44.0],[-72.0,44.0],[-72.0,44.5],[-72.55,44.5],[-72.55,44.0]]] } },
            { "type": "Feature", "id": "bad", "properties": { "name": "Nowhere" }, "geometry": { "type": "Point", "coordinates": [0, 0] } }
          ] }
        }
        """)!.AsObject();

    private static string State() => """
        { "tier": "state", "features": { "type": "FeatureCollection", "features": [
          { "type": "Feature", "properties": { "code": "us-vt", "name": "Vermont" },
            "geometry": { "type": "Polygon", "coordinates": [[[-73.5,42.7],[-71.4,42.7],[-71.4,45.1],[-73.5,45.1],[-73.5,42.7]]] } } ] },
          "id_property": "code" }
        """;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        var counties = await Import(Counties().ToJsonString());
        Assert.Equal(2, counties["created"]!.GetValue<int>());
        var rejected = Assert.Single(counties["rejected"]!.AsArray())!;
        Assert.Equal("us-county-bad", rejected["id"]!.GetValue<string>());
        Assert.Contains("Polygon or MultiPolygon", rejected["errors"]![0]!.GetValue<string>());
        await Import(State());
    }

    [Fact]
    public async Task LookupListsEveryTierMostLocalFirstInBothFormats()
    {
        var json = await Client.GetStringAsync("/open311/lookup.json?lat=44.2&long=-72.57");
        var xml = await Client.GetStringAsync("/open311/lookup.xml?lat=44.2&long=-72.57");

        XmlMatchesJson.Assert(xml, json);
        var hits = JsonNode.Parse(json)!.AsArray();
        Assert.Equal(["riverton.example", "us-county-50023", "us-vt"], hits.Select(h => h!["jurisdiction_id"]!.GetValue<string>()));
        Assert.Equal(["city", "county", "state"], hits.Select(h => h!["tier"]!.GetValue<string>()));
        Assert.Equal($"{Open311App.PublicBase}/open311/v2", hits[0]!["endpoint"]!.GetValue<string>());
        Assert.Equal($"{Open311App.PublicBase}/open311/discovery.json?jurisdiction_id=riverton.example", hits[0]!["discovery"]!.GetValue<string>());
        Assert.Equal(13, hits[0]!["services"]!.AsArray().Count);
        Assert.Equal("Washington", hits[1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task CategoryFiltersTheServices()
    {
        var hits = JsonNode.Parse(await Client.GetStringAsync("/open311/lookup.json?lat=44.2&long=-72.57&category=%23graffiti"))!.AsArray();

        Assert.Equal(3, hits.Count);
        Assert.Equal(["graffiti"], hits[0]!["services"]!.AsArray().Select(s => s!["service_code"]!.GetValue<string>()));
        Assert.Empty(hits[1]!["services"]!.AsArray());
    }

    [Fact]
    public async Task APointOnTheCountyLineIsInBothCounties()
    {
        var hits = JsonNode.Parse(await Client.GetStringAsync("/open311/lookup.json?lat=44.3&long=-72.55"))!.AsArray();

        // Same tier: the smaller area comes first.
        Assert.Equal(["us-county-50023", "us-county-50017", "us-vt"], hits.Select(h => h!["jurisdiction_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NobodyCoversTheOcean()
    {
        Assert.Equal("[]", await Client.GetStringAsync("/open311/lookup.json?lat=30&long=-40"));
    }

    [Fact]
    public async Task CoordinatesOutOfRangeAre400InOpen311Form()
    {
        var errors = await AssertJsonErrors(await Client.GetAsync("/open311/lookup.json?lat=95&long=-200"), 400);
        await AssertXmlErrors(await Client.GetAsync("/open311/lookup.xml?lat=44.2"), 400);

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public async Task ReimportingChangesNothing()
    {
        var again = await Import(Counties().ToJsonString());

        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(0, again["updated"]!.GetValue<int>());
        Assert.Equal(2, again["unchanged"]!.GetValue<int>());
    }

    [Fact]
    public async Task ImportKeepsWhatAnAdminAddedToAnImportedJurisdiction()
    {
        var county = await JsonOf(await App.Admin().GetAsync("/open311/manage/jurisdictions/us-county-50023"));
        county["services"] = new JsonArray(new JsonObject { ["service_code"] = "roads", ["service_name"] = "County road damage", ["keywords"] = "road, pothole" });
        Assert.True((await App.PutTownAsync("us-county-50023", county.ToJsonString())).IsSuccessStatusCode);

        var counties = Counties();
        counties["features"]!["features"]![0]!["properties"]!["name"] = "Washington County";
        var again = await Import(counties.ToJsonString());

        var after = await JsonOf(await App.Admin().GetAsync("/open311/manage/jurisdictions/us-county-50023"));
        Assert.Equal(1, again["updated"]!.GetValue<int>());
        Assert.Equal("Washington County", after["name"]!.GetValue<string>());
        Assert.Equal("roads", after["services"]![0]!["service_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARemoteJurisdictionIsListedWithItsOwnEndpointAndIsNotServedHere()
    {
        var remote = new JsonObject
        {
            ["name"] = "City of Montpelier",
            ["tier"] = "city",
            ["boundary"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[-72.62,44.24],[-72.54,44.24],[-72.54,44.3],[-72.62,44.3],[-72.62,44.24]]]}"""),
            ["remote"] = new JsonObject { ["endpoint"] = "https://311.montpelier.example/open311/v2", ["jurisdiction_id"] = "montpelier-vt.gov", ["api_key"] = "secret-key" },
            ["services"] = new JsonArray(new JsonObject { ["service_code"] = "001", ["service_name"] = "Pothole" }),
        };
        Assert.True((await App.PutTownAsync("montpelier.example", remote.ToJsonString())).IsSuccessStatusCode);

        var hits = JsonNode.Parse(await Client.GetStringAsync("/open311/lookup.json?lat=44.26&long=-72.58"))!.AsArray();
        var montpelier = hits.Single(h => h!["jurisdiction_id"]!.GetValue<string>() == "montpelier.example")!;
        var document = await JsonOf(await App.Admin().GetAsync("/open311/manage/jurisdictions/montpelier.example"));
        var notHere = await AssertJsonErrors(await Client.GetAsync("/open311/v2/services.json?jurisdiction_id=montpelier.example"), 404);

        Assert.False(montpelier["hosted"]!.GetValue<bool>());
        Assert.Equal("https://311.montpelier.example/open311/v2", montpelier["endpoint"]!.GetValue<string>());
        Assert.Equal("montpelier-vt.gov", montpelier["remote_jurisdiction_id"]!.GetValue<string>());
        Assert.Equal("(hidden)", document["remote"]!["api_key"]!.GetValue<string>());
        Assert.Contains("https://311.montpelier.example/open311/v2", notHere[0]);
    }

    private async Task<JsonNode> Import(string json)
    {
        var response = await App.Admin().PostAsync("/open311/manage/jurisdictions/import", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }
}
