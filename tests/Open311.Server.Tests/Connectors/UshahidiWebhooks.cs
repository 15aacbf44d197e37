using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Connectors.Ushahidi;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Connectors;

/// <summary>
/// A stand-in Ushahidi deployment's webhook deliveries (our own bodies in the V3 entity shape it sends, signed as
/// its Signer does), through the intake pipeline to Riverton.
/// </summary>
public sealed class UshahidiWebhooks(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string Source = "riverton-crisis";
    private const string Secret = "riverton-crisis-secret";
    private const string WebhookUrl = "https://hub.example.org/open311/connectors/ushahidi/riverton-crisis/webhook";

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        var source = new JsonObject
        {
            ["type"] = "ushahidi",
            ["deployment_url"] = "https://crisis.example.org",
            ["webhook_url"] = WebhookUrl,
            ["webhook_secret"] = Secret,
            ["category_map"] = new JsonObject { ["tag:12"] = "pothole" },
            ["triage_service"] = "general_feedback",
        };
        var response = await App.Admin().PutAsync($"/open311/manage/sources/{Source}", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedPostBecomesARequestAtTheRightTownWithTheMappedService()
    {
        var response = await Deliver(Post(915, tags: "[12]"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var record = (await JsonOf(response))[0]!;
        Assert.Equal("created", record["outcome"]!.GetValue<string>());
        Assert.Equal(("riverton.example", "pothole"), (record["jurisdiction_id"]!.GetValue<string>(), record["service_code"]!.GetValue<string>()));
        Assert.Contains("mapped 'tag:12' to 'pothole'", record["reason"]!.GetValue<string>());
        var id = record["service_request_id"]!.GetValue<string>();
        var request = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json"))![0]!;
        Assert.StartsWith("Road washed out", request["description"]!.GetValue<string>());
        Assert.DoesNotContain("mapper@example.org", request.ToJsonString());
        var staff = await JsonOf(await App.Admin().GetAsync($"/open311/manage/requests/{id}"));
        Assert.Equal("mapper@example.org", staff["requester"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheSamePostByWebhookAgainOrEditedMakesNoSecondRequest()
    {
        var first = (await JsonOf(await Deliver(Post(916, tags: "[12]"))))[0]!;
        var replay = (await JsonOf(await Deliver(Post(916, tags: "[12]"))))[0]!;
        var edited = (await JsonOf(await Deliver(Post(916, tags: "[12]", title: "Road washed out (edited)"))))[0]!;

        Assert.Equal(first["service_request_id"]!.GetValue<string>(), replay["service_request_id"]!.GetValue<string>());
        Assert.Equal(first["service_request_id"]!.GetValue<string>(), edited["service_request_id"]!.GetValue<string>());
        Assert.Equal(3, edited["deliveries"]!.GetValue<int>());
        Assert.Equal("duplicate", edited["last_delivery"]!.GetValue<string>());
        Assert.Equal("Road washed out (edited)", edited["title"]!.GetValue<string>());
        // requested_datetime is when the person posted (25 November 2025), so the window is set around it.
        Assert.Single(JsonNode.Parse(await Client.GetStringAsync("/open311/v2/requests.json?start_date=2025-11-01T00:00:00Z&end_date=2025-12-01T00:00:00Z"))!.AsArray());
    }

    [Fact]
    public async Task AMissingOrWrongSignatureIs401AndStoresNothing()
    {
        var body = Post(917, tags: "[12]");
        using var unsigned = new StringContent(body, Encoding.UTF8, "application/json");
        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/open311/connectors/ushahidi/{Source}/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        wrong.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute("guessed-secret", WebhookUrl, Encoding.UTF8.GetBytes(body)));

        await AssertJsonErrors(await Client.PostAsync($"/open311/connectors/ushahidi/{Source}/webhook", unsigned), 401);
        await AssertJsonErrors(await Client.SendAsync(wrong), 401);
        await AssertJsonErrors(await App.Admin().GetAsync($"/open311/manage/intake/{Source}:917"), 404);
        Assert.Equal("[]", await Client.GetStringAsync("/open311/v2/requests.json?start_date=2025-11-01T00:00:00Z&end_date=2025-12-01T00:00:00Z"));
    }

    [Fact]
    public async Task EveryReportLeavesARecordThatSaysWhy()
    {
        var noLocation = (await JsonOf(await Deliver("""{"id":918,"title":"Need water","content":"Family stuck","values":{}}""")))[0]!;
        var offMap = (await JsonOf(await Deliver(Post(919, tags: "[12]", lat: 10, lon: 10))))[0]!;
        var unknownCategory = (await JsonOf(await Deliver(Post(920, tags: "[99]", title: "Odd smell", content: "Something strange near the school"))))[0]!;
        var list = (await JsonOf(await App.Admin().GetAsync($"/open311/manage/intake?source={Source}"))).AsArray();

        Assert.Equal("needs_location", noLocation["outcome"]!.GetValue<string>());
        Assert.Equal("unroutable", offMap["outcome"]!.GetValue<string>());
        Assert.Contains("No jurisdiction covers", offMap["reason"]!.GetValue<string>());
        Assert.Equal(("created", "general_feedback"), (unknownCategory["outcome"]!.GetValue<string>(), unknownCategory["service_code"]!.GetValue<string>()));
        Assert.Contains("triage", unknownCategory["reason"]!.GetValue<string>());
        Assert.Equal(3, list.Count);
        Assert.Equal("needs_location", (await JsonOf(await App.Admin().GetAsync($"/open311/manage/intake/{Source}:918")))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReportForARemoteCityIsQueuedInTheOutboxAndWakesTheQueueInTheTriggersEncoding()
    {
        var remote = new JsonObject
        {
            ["name"] = "Far City", ["tier"] = "city",
            ["boundary"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]}"""),
            ["remote"] = new JsonObject { ["endpoint"] = "https://311.far.example/open311/v2", ["jurisdiction_id"] = "far.example" },
            ["services"] = new JsonArray(new JsonObject { ["service_code"] = "PH1", ["service_name"] = "Pothole", ["keywords"] = "pothole" }),
        };
        Assert.True((await App.PutTownAsync("far.example", remote.ToJsonString())).IsSuccessStatusCode);

        var record = (await JsonOf(await Deliver(Post(930, tags: "[12]", lat: 10.5, lon: 10.5))))[0]!;

        Assert.Equal(("forwarded", "far.example", "PH1"), (record["outcome"]!.GetValue<string>(), record["jurisdiction_id"]!.GetValue<string>(), record["service_code"]!.GetValue<string>()));
        var queue = new Azure.Storage.Queues.QueueClient(Azurite.ConnectionString, (App.TablePrefix + "forward").ToLowerInvariant());
        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 10)).Value);
        var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)))!;
        Assert.Equal("riverton-crisis:930", json["IntakeId"]!.GetValue<string>());
        Assert.Equal("queued", record["delivery"]!["state"]!.GetValue<string>());
        Assert.Equal("PH1", record["forward"]!["service_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheTextFindsTheServiceWhenTheTagsDoNot()
    {
        var record = (await JsonOf(await Deliver(Post(921, tags: "[]", title: "Dark corner", content: "The street lamp on Elm is out again"))))[0]!;

        Assert.Equal("streetlight", record["service_code"]!.GetValue<string>());
        Assert.Contains("the text mentions 'streetlight'", record["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedBodiesAndUnknownSourcesGetClearErrors()
    {
        await AssertJsonErrors(await Deliver("{not json"), 400);
        await AssertJsonErrors(await Deliver("""{"title":"no id"}"""), 400);
        await AssertJsonErrors(await Client.PostAsync("/open311/connectors/ushahidi/nobody/webhook", new StringContent("{}", Encoding.UTF8, "application/json")), 404);
    }

    [Fact]
    public async Task TheSecretIsWriteOnly()
    {
        var source = await JsonOf(await App.Admin().GetAsync($"/open311/manage/sources/{Source}"));

        Assert.Equal("(hidden)", source["webhook_secret"]!.GetValue<string>());
        var resent = await App.Admin().PutAsync($"/open311/manage/sources/{Source}", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(resent.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Deliver(Post(922, tags: "[12]"))).StatusCode);
    }

    private static string Post(int id, string tags, string title = "Road washed out", string content = "The bridge road by the school is broken after the flood", double lat = 44.2, double lon = -72.57) =>
        FormattableString.Invariant($$"""{"id":{{id}},"form_id":3,"type":"report","title":"{{title}}","content":"{{content}}","author_email":"mapper@example.org","author_realname":"Ana Mapper","status":"published","created":1764100800,"updated":null,"values":{"8b1c":[{"lon":{{lon}},"lat":{{lat}}}]},"post_date":{"date":"2025-11-25 20:00:00.000000","timezone_type":3,"timezone":"UTC"},"tags":{{tags}},"source":"web"}""");

    private Task<HttpResponseMessage> Deliver(string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/open311/connectors/ushahidi/{Source}/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute(Secret, WebhookUrl, Encoding.UTF8.GetBytes(body)));
        return Client.SendAsync(message);
    }
}
