using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Manage;

public sealed class ManageApi(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task ManageNeedsTheAdminKey()
    {
        var none = await Client.GetAsync("/open311/manage/jurisdictions");
        var wrongClient = App.CreateClient();
        wrongClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        var wrong = await wrongClient.PutAsync($"/open311/manage/jurisdictions/{Towns.Riverton}", new StringContent(Towns.RivertonJson(), Encoding.UTF8, "application/json"));

        await AssertJsonErrors(none, 401);
        await AssertJsonErrors(wrong, 403);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/services.json"), 404);
    }

    [Fact]
    public async Task AJurisdictionDocumentRoundTripsWithAnETag()
    {
        var created = await App.PutTownAsync(Towns.Riverton, Towns.RivertonJson());
        var read = await App.Admin().GetAsync($"/open311/manage/jurisdictions/{Towns.Riverton}");
        var list = await JsonOf(await App.Admin().GetAsync("/open311/manage/jurisdictions"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        var document = await JsonOf(read);
        Assert.Equal(Towns.Riverton, document["id"]!.GetValue<string>());
        Assert.Equal("Town of Riverton", document["name"]!.GetValue<string>());
        Assert.Equal(13, document["services"]!.AsArray().Count);
        Assert.Equal("Polygon", document["boundary"]!["type"]!.GetValue<string>());
        Assert.Equal(13, Assert.Single(list.AsArray())!["services"]!.GetValue<int>());
    }

    [Fact]
    public async Task AStaleIfMatchOnAJurisdictionIs412AndKeepsTheNewerDocument()
    {
        var first = await App.PutTownAsync(Towns.Riverton, Towns.RivertonJson());
        var renamed = Towns.RivertonDocument();
        renamed["name"] = "Riverton (renamed)";
        Assert.True((await App.PutTownAsync(Towns.Riverton, renamed.ToJsonString())).IsSuccessStatusCode);

        var stale = Towns.RivertonDocument();
        stale["name"] = "Riverton (stale edit)";
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/open311/manage/jurisdictions/{Towns.Riverton}") { Content = new StringContent(stale.ToJsonString(), Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", first.Headers.ETag!.ToString());
        await AssertJsonErrors(await App.Admin().SendAsync(put), 412);

        var kept = await JsonOf(await App.Admin().GetAsync($"/open311/manage/jurisdictions/{Towns.Riverton}"));
        Assert.Equal("Riverton (renamed)", kept["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvalidDocumentGetsEveryProblemWithItsPath()
    {
        var document = Towns.RivertonDocument();
        document["timezone"] = "Mars/Olympus";
        var services = document["services"]!.AsArray();
        services[0]!["attributes"]![0]!["datatype"] = "dropdown";
        services[1]!["service_code"] = services[2]!["service_code"]!.GetValue<string>();
        services[3]!["attributes"]![0]!["values"] = new JsonArray();
        document["boundary"] = JsonNode.Parse("""{"type":"Point","coordinates":[1,2]}""");

        var errors = await AssertJsonErrors(await App.PutTownAsync(Towns.Riverton, document.ToJsonString()), 400);

        Assert.Contains(errors, e => e.Contains("Mars/Olympus"));
        Assert.Contains(errors, e => e.StartsWith("services[0].attributes[0].datatype"));
        Assert.Contains(errors, e => e.StartsWith("services[2].service_code") && e.Contains("twice"));
        Assert.Contains(errors, e => e.StartsWith("services[3].attributes[0].values"));
        Assert.Contains(errors, e => e.StartsWith("boundary"));
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/services.json"), 404);
    }

    [Fact]
    public async Task MalformedJsonAndUnknownMembersAre400()
    {
        var broken = await AssertJsonErrors(await App.PutTownAsync("x.example", "{\"name\": "), 400);
        var unknown = await AssertJsonErrors(await App.PutTownAsync("x.example", "{\"name\":\"X\",\"colour\":\"red\"}"), 400);

        Assert.Contains("not a valid", broken[0]);
        Assert.Contains("colour", unknown[0]);
    }

    [Fact]
    public async Task ASelfIntersectingBoundaryIsRepaired()
    {
        var document = Towns.RivertonDocument();
        document["boundary"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[-72.6,44.1],[-72.5,44.3],[-72.5,44.1],[-72.6,44.3],[-72.6,44.1]]]}""");

        Assert.True((await App.PutTownAsync(Towns.Riverton, document.ToJsonString())).IsSuccessStatusCode);

        var key = await App.IssueKeyAsync();
        var inside = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", Forms.At(44.2, -72.52)));
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task KeysAreShownOnceAndStoredOnlyAsAHash()
    {
        await App.PutRivertonAsync();

        var key = await App.IssueKeyAsync();

        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(App.TablePrefix + "ApiKeys");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        var row = Assert.Single(rows);
        Assert.DoesNotContain(rows, r => r.Any(p => p.Value?.ToString()?.Contains(key, StringComparison.Ordinal) == true) || r.RowKey.Contains(key, StringComparison.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), row.RowKey);
    }

    [Fact]
    public async Task StaffCloseARequestWithIfMatchAndAStaleETagChangesNothing()
    {
        await App.PutRivertonAsync();
        var key = await App.IssueKeyAsync();
        var posted = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_string", "1 Elm St"), ("email", "bo@example.org")));
        var id = (await JsonOf(posted))[0]!["service_request_id"]!.GetValue<string>();
        var admin = App.Admin();

        var read = await admin.GetAsync($"/open311/manage/requests/{id}");
        Assert.Equal("bo@example.org", (await JsonOf(read))["requester"]!["email"]!.GetValue<string>());
        var etag = read.Headers.ETag!.ToString();
        var closed = await admin.SendAsync(Patch(id, etag, """{"status":"closed","status_notes":"Slab replaced","agency_responsible":"Public Works","expected_datetime":"2026-05-01T09:00:00-04:00"}"""));
        var stale = await admin.SendAsync(Patch(id, etag, """{"status":"open","status_notes":"Reopened by a stale screen"}"""));
        var missing = await admin.SendAsync(Patch(id, null, """{"status":"open"}"""));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.NotEqual(etag, closed.Headers.ETag!.ToString());
        await AssertJsonErrors(stale, 412);
        await AssertJsonErrors(missing, 428);
        var request = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{id}.json"))![0]!;
        Assert.Equal("closed", request["status"]!.GetValue<string>());
        Assert.Equal("Slab replaced", request["status_notes"]!.GetValue<string>());
        Assert.Equal("Public Works", request["agency_responsible"]!.GetValue<string>());
        Assert.Equal("2026-05-01T13:00:00Z", request["expected_datetime"]!.GetValue<string>());
        Assert.Equal([id], JsonNode.Parse(await Client.GetStringAsync("/open311/v2/requests.json?status=closed"))!.AsArray().Select(r => r!["service_request_id"]!.GetValue<string>()));
        Assert.Equal("[]", await Client.GetStringAsync("/open311/v2/requests.json?status=open"));
    }

    [Fact]
    public async Task ABadStatusIs400()
    {
        await App.PutRivertonAsync();
        var key = await App.IssueKeyAsync();
        var id = (await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("address_id", "9")))))[0]!["service_request_id"]!.GetValue<string>();
        var etag = (await App.Admin().GetAsync($"/open311/manage/requests/{id}")).Headers.ETag!.ToString();

        var errors = await AssertJsonErrors(await App.Admin().SendAsync(Patch(id, etag, """{"status":"mended"}""")), 400);

        Assert.Contains("open, closed", errors[0]);
        Assert.Contains("in_progress", errors[0]);
    }

    private static HttpRequestMessage Patch(string id, string? etag, string json)
    {
        var message = new HttpRequestMessage(HttpMethod.Patch, $"/open311/manage/requests/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return message;
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnceAndItsIdIsNotFoundTwice()
    {
        await App.PutRivertonAsync();
        var issued = await JsonOf(await App.Admin().PostAsJsonAsync("/open311/manage/keys", new { name = "to revoke" }));
        var key = issued["api_key"]!.GetValue<string>();
        var id = issued["id"]!.GetValue<string>();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "pothole", Forms.InRiverton(("attribute[size]", "large"))))).StatusCode);

        var revoked = await App.Admin().DeleteAsync($"/open311/manage/keys/{id}");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, revoked.StatusCode);
        await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "pothole", Forms.InRiverton(("attribute[size]", "large")))), 403);
        await AssertJsonErrors(await App.Admin().DeleteAsync($"/open311/manage/keys/{id}"), 404);
        await AssertJsonErrors(await App.Admin().DeleteAsync("/open311/manage/keys/not-an-id"), 404);
    }
}
