using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Protocol;

/// <summary>Inputs a protocol review found at the edges: each once answered wrongly (500, 503, a lost report).</summary>
public sealed class EdgeCasesFromReview(AzuriteFixture azurite) : AppTest(azurite)
{
    private string key = string.Empty;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        key = await App.IssueKeyAsync();
    }

    [Theory]
    [InlineData("start_date=9999-12-01T00:00:00Z")]
    [InlineData("end_date=0001-01-02T00:00:00Z")]
    [InlineData("updated_after=9999-12-31T00:00:00Z")]
    [InlineData("start_date=9999-12-31")]
    [InlineData("start_date=0001-01-01")]
    public async Task DatesAtTheEndsOfTimeAre400(string query)
    {
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?" + query), 400);
    }

    [Fact]
    public async Task AnOverlongExternalIdIs400NotAStorageOutage()
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_id", "1"), ("attribute[fixmystreet_id]", new string('9', 1100))));

        await AssertJsonErrors(response, 400);
    }

    [Fact]
    public async Task LongNonAsciiAnswersAndNotesFitTheirStorage()
    {
        var text = new string('é', 4000);
        var posted = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "illegal_dumping", Forms.InRiverton(("attribute[hazardous]", "no"), ("attribute[items]", text), ("description", text))));
        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        var id = (await JsonOf(posted))[0]!["service_request_id"]!.GetValue<string>();

        for (var i = 0; i < 4; i++)
        {
            var etag = (await App.Admin().GetAsync($"/open311/manage/requests/{id}")).Headers.ETag!.ToString();
            using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/open311/manage/requests/{id}") { Content = new StringContent($$"""{"status_notes":"{{text[..3990]}}{{i}}"}""", Encoding.UTF8, "application/json") };
            patch.Headers.TryAddWithoutValidation("If-Match", etag);
            Assert.Equal(HttpStatusCode.OK, (await App.Admin().SendAsync(patch)).StatusCode);
        }

        var request = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json?extensions=true"))![0]!;
        Assert.Equal("opened", request["notes"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoClientsWithTheSameReportNumberGetTwoRequests()
    {
        var otherKey = await App.IssueKeyAsync();

        var first = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_id", "1"), ("attribute[fixmystreet_id]", "1234"))));
        var second = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(otherKey, "sidewalk", ("address_id", "2"), ("attribute[fixmystreet_id]", "1234"))));

        Assert.NotEqual(first[0]!["service_request_id"]!.GetValue<string>(), second[0]!["service_request_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AClosedRequestKeepsItsCloseTimeThroughLaterEdits()
    {
        var id = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_id", "1")))))[0]!["service_request_id"]!.GetValue<string>();
        await PatchAsync(id, """{"status":"closed"}""");
        var closedAt = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json"))![0]!["updated_datetime"]!.GetValue<string>();
        await Task.Delay(1100);

        await PatchAsync(id, """{"agency_responsible":"Parks"}""");

        var request = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json"))![0]!;
        Assert.Equal("Parks", request["agency_responsible"]!.GetValue<string>());
        Assert.Equal(closedAt, request["updated_datetime"]!.GetValue<string>());
    }

    [Fact]
    public async Task APageFarPastTheEndIsEmpty()
    {
        Assert.Equal("[]", await Client.GetStringAsync("/open311/v2/requests.json?page=999999"));
    }

    [Fact]
    public async Task LineBreaksReadTheSameInXmlAndJson()
    {
        var id = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_id", "1"), ("description", "line one\r\nline two")))))[0]!["service_request_id"]!.GetValue<string>();

        var json = await Client.GetStringAsync($"/open311/v2/requests/{id}.json");
        XmlMatchesJson.Assert(await Client.GetStringAsync($"/open311/v2/requests/{id}.xml"), json);
        Assert.Equal("line one\nline two", JsonNode.Parse(json)![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task FourThousandEmojiAreFourThousandCharacters()
    {
        var emoji = string.Concat(Enumerable.Repeat("🕳", 4000));

        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_id", "1"), ("description", emoji)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await JsonOf(response))[0]!["service_request_id"]!.GetValue<string>();
        Open311Schemas.AssertValid("requests.json", await Client.GetStringAsync($"/open311/v2/requests/{id}.json"));
    }

    [Fact]
    public async Task FixMyStreetPhotoFieldsAreKeptNotDropped()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        using var form = new MultipartFormDataContent { { new StringContent(key), "api_key" }, { new StringContent("sidewalk"), "service_code" }, { new StringContent("1"), "address_id" } };
        foreach (var name in new[] { "photo1", "photo2" })
        {
            var file = new ByteArrayContent(png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, name, name + ".png");
        }

        var id = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", form)))[0]!["service_request_id"]!.GetValue<string>();

        var request = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json?extensions=true"))![0]!;
        Assert.EndsWith(".png", request["media_url"]!.GetValue<string>());
        Assert.Contains(request["notes"]!.AsArray(), n => n!["summary"]!.GetValue<string>() == "More photos");
    }

    [Fact]
    public async Task TinyCoordinatesKeepADecimalPoint()
    {
        var document = Towns.RivertonDocument();
        document["boundary"] = null;
        Assert.True((await App.PutTownAsync(Towns.Riverton, document.ToJsonString())).IsSuccessStatusCode);
        var id = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("lat", "0.00001"), ("long", "-0.00002")))))[0]!["service_request_id"]!.GetValue<string>();

        var xml = await Client.GetStringAsync($"/open311/v2/requests/{id}.xml");

        Assert.Contains("<lat>0.00001</lat>", xml);
        Assert.Contains("<long>-0.00002</long>", xml);
    }

    [Fact]
    public async Task JurisdictionIdsIgnoreCaseLikeDomainNames()
    {
        Assert.True((await App.PutTownAsync("lakeside.example", Towns.Minimal("Lakeside"))).IsSuccessStatusCode);

        var response = await Client.GetAsync("/open311/v2/services.json?jurisdiction_id=Riverton.EXAMPLE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task IndexedMultiValueAnswersAreRead()
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "missed_collection", Forms.InRiverton(("attribute[bin][0]", "trash"), ("attribute[bin][1]", "recycling"), ("attribute[collection_day]", "2026-11-20"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AByteOrderMarkInAManageDocumentIsFine()
    {
        var response = await App.PutTownAsync("bom.example", "\uFEFF" + Towns.Minimal("Bom"));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task PatchAsync(string id, string json)
    {
        var etag = (await App.Admin().GetAsync($"/open311/manage/requests/{id}")).Headers.ETag!.ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/open311/manage/requests/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await App.Admin().SendAsync(patch)).StatusCode);
    }
}
