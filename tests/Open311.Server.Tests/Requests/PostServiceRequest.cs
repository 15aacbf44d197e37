using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Requests;

public sealed class PostServiceRequest(AzuriteFixture azurite) : AppTest(azurite)
{
    private string key = string.Empty;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        key = await App.IssueKeyAsync();
    }

    [Fact]
    public async Task RealtimeServiceReturnsTheNewIdAndTheRequestCanBeRead()
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "pothole", Forms.InRiverton(
            ("attribute[size]", "large"), ("description", "Deep hole\nby the school"), ("email", "ann@example.org"), ("first_name", "Ann"), ("phone", "555-0101"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = Assert.Single((await JsonOf(response)).AsArray())!;
        var id = created["service_request_id"]!.GetValue<string>();
        Assert.Null(created["token"]);

        var json = await Client.GetStringAsync($"/open311/v2/requests/{id}.json");
        var xml = await Client.GetStringAsync($"/open311/v2/requests/{id}.xml");
        Open311Schemas.AssertValid("requests.json", json);
        XmlMatchesJson.Assert(xml, json);
        var request = Assert.Single(JsonNode.Parse(json)!.AsArray())!;
        Assert.Equal("open", request["status"]!.GetValue<string>());
        Assert.Equal("pothole", request["service_code"]!.GetValue<string>());
        Assert.Equal("Pothole", request["service_name"]!.GetValue<string>());
        Assert.Equal("Deep hole\nby the school", request["description"]!.GetValue<string>());
        Assert.Equal(Towns.Lat, request["lat"]!.GetValue<double>());
        Assert.Equal(Towns.Long, request["long"]!.GetValue<double>());
        Assert.DoesNotContain("ann@example.org", json);
        Assert.DoesNotContain("555-0101", json);
        Assert.DoesNotContain("Ann", json);
    }

    [Fact]
    public async Task XmlPostAnswerHasTheSpecShape()
    {
        var response = await Client.PostAsync("/open311/v2/requests.xml", Forms.Request(key, "sidewalk", ("address_string", "12 Main Street, Riverton"), ("account_id", "acct-7")));

        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("service_requests", xml.Name.LocalName);
        var request = Assert.Single(xml.Elements("request"));
        Assert.Matches(@"^\d+$", request.Element("service_request_id")!.Value);
        Assert.Equal("acct-7", request.Element("account_id")!.Value);
    }

    [Fact]
    public async Task IdsAreSequentialPerJurisdiction()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "water_leak", Forms.InRiverton()));
            ids.Add(long.Parse((await JsonOf(response))[0]!["service_request_id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal([ids[0], ids[0] + 1, ids[0] + 2], ids);
    }

    [Fact]
    public async Task ConcurrentPostsGetDistinctIds()
    {
        var posts = Enumerable.Range(0, 12).Select(_ => Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "water_leak", Forms.InRiverton())));

        var responses = await Task.WhenAll(posts);

        var ids = new List<string>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((await JsonOf(response))[0]!["service_request_id"]!.GetValue<string>());
        }

        Assert.Equal(12, ids.Distinct().Count());
    }

    [Fact]
    public async Task BatchServiceReturnsATokenThatResolvesToTheId()
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "snow_plow", Forms.InRiverton()));

        var created = Assert.Single((await JsonOf(response)).AsArray())!;
        Assert.Null(created["service_request_id"]);
        var token = created["token"]!.GetValue<string>();
        var json = await Client.GetStringAsync($"/open311/v2/tokens/{token}.json");
        var xml = await Client.GetStringAsync($"/open311/v2/tokens/{token}.xml");
        XmlMatchesJson.Assert(xml, json);
        var resolved = Assert.Single(JsonNode.Parse(json)!.AsArray())!;
        Assert.Equal(token, resolved["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/open311/v2/requests/{resolved["service_request_id"]!.GetValue<string>()}.json")).StatusCode);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/tokens/0000.json"), 404);
    }

    [Fact]
    public async Task BlackboxServiceReturnsNoId()
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "general_feedback", ("address_string", "Town Hall")));

        var created = Assert.Single((await JsonOf(response)).AsArray())!.AsObject();
        Assert.False(created.ContainsKey("service_request_id"));
        Assert.False(created.ContainsKey("token"));
    }

    [Fact]
    public async Task RetriedPostWithTheSameFixMyStreetIdGetsTheSameRequest()
    {
        var form = () => Forms.Request(key, "graffiti", Forms.InRiverton(("attribute[surface][]", "wall"), ("attribute[fixmystreet_id]", "fms-4711")));

        var first = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", form())))[0]!["service_request_id"]!.GetValue<string>();
        var second = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", form())))[0]!["service_request_id"]!.GetValue<string>();
        var all = JsonNode.Parse(await Client.GetStringAsync("/open311/v2/requests.json?service_code=graffiti"))!.AsArray();

        Assert.Equal(first, second);
        Assert.Single(all);
    }

    [Fact]
    public async Task KeyIsAcceptedAsBearerHeaderAndInTheQuery()
    {
        using var bearer = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = Forms.Request(string.Empty, "sidewalk", ("address_id", "A-17")) };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var inQuery = await Client.PostAsync($"/open311/v2/requests.json?api_key={Uri.EscapeDataString(key)}", Forms.Request(string.Empty, "sidewalk", ("address_id", "A-18")));

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(bearer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
    }

    [Fact]
    public async Task MissingOrWrongKeyIs403()
    {
        var missing = await AssertXmlErrors(await Client.PostAsync("/open311/v2/requests.xml", Forms.Request(string.Empty, "sidewalk", ("address_id", "1"))), 403);
        var wrong = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request("o311_wrong", "sidewalk", ("address_id", "1"))), 403);

        Assert.Contains("api_key", missing[0]);
        Assert.Contains("api_key", wrong[0]);
    }

    [Fact]
    public async Task KeyLimitedToAnotherTownIs403()
    {
        Assert.True((await App.PutTownAsync("lakeside.example", Towns.Minimal("Lakeside"))).IsSuccessStatusCode);
        var lakesideOnly = await App.IssueKeyAsync(["lakeside.example"]);

        var refused = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(lakesideOnly, "sidewalk", ("jurisdiction_id", Towns.Riverton), ("address_id", "1")));
        var accepted = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(lakesideOnly, "litter", ("jurisdiction_id", "lakeside.example"), ("address_id", "1")));

        await AssertJsonErrors(refused, 403);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task EveryWrongFieldIsReportedAtOnce()
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "missed_collection",
            ("lat", "44.2"), ("email", "not-an-email"), ("attribute[collection_day]", "yesterday"), ("description", new string('x', 4001))));

        var errors = await AssertJsonErrors(response, 400);
        Assert.Contains(errors, e => e.Contains("lat and long"));
        Assert.Contains(errors, e => e.Contains("email"));
        Assert.Contains(errors, e => e.StartsWith("bin required"));
        Assert.Contains(errors, e => e.Contains("attribute[collection_day]"));
        Assert.Contains(errors, e => e.Contains("description") && e.Contains("4,000"));
    }

    [Fact]
    public async Task ALocationIsRequired()
    {
        var errors = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk")), 400);

        Assert.Contains(errors, e => e.Contains("lat and long, address_string or address_id"));
    }

    [Fact]
    public async Task PointOutsideTheTownIsRefusedAndSwappedCoordinatesAreNamed()
    {
        var far = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", Forms.At(40.7, -74.0))), 400);
        var swapped = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("lat", "-72.57"), ("long", "44.2"))), 400);
        var outOfRange = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("lat", "91"), ("long", "-72.57"))), 400);

        Assert.Contains("outside the boundary", far[0]);
        Assert.Contains("swapped", swapped[0]);
        Assert.Contains("lat must be a number from -90 to 90", outOfRange[0]);
    }

    [Fact]
    public async Task MultiValueAttributesArriveInEveryClientShape()
    {
        var shapes = new[]
        {
            new[] { ("attribute[surface][]", "wall"), ("attribute[surface][]", "sign") },
            [("attribute[surface]", "wall"), ("attribute[surface]", "sign")],
            [("attribute[surface]", "wall,sign")],
        };
        foreach (var shape in shapes)
        {
            var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "graffiti", Forms.InRiverton(shape)));
            var id = (await JsonOf(response))[0]!["service_request_id"]!.GetValue<string>();
            var stored = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json?extensions=true"))![0]!;
            Assert.Equal(["wall", "sign"], stored["attributes"]!.AsArray().Select(a => a!["value"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task ListAttributeValuesMustBeDeclaredKeys()
    {
        var errors = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "pothole", Forms.InRiverton(("attribute[size]", "enormous")))), 400);

        Assert.Contains("small, medium, large", errors[0]);
    }

    [Fact]
    public async Task UnknownServiceCodeIs404()
    {
        await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "unicorns", ("address_id", "1"))), 404);
    }

    [Fact]
    public async Task ABodyThatIsNotAFormIs400()
    {
        using var json = new StringContent("{\"service_code\":\"pothole\"}", System.Text.Encoding.UTF8, "application/json");

        var errors = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", json), 400);

        Assert.Contains("form", errors[0]);
    }

    [Fact]
    public async Task AnOversizedBodyIs413()
    {
        using var huge = new StringContent("description=" + new string('a', 1_100_000), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", huge), 413);
    }

    [Fact]
    public async Task AKeyOverItsRateGets429WithRetryAfter()
    {
        var slowKey = await App.IssueKeyAsync(rate: 2);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(slowKey, "sidewalk", ("address_id", "1"))));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], answers.Select(a => a.StatusCode));
        await AssertJsonErrors(answers[2], 429);
        Assert.True(int.Parse(answers[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
