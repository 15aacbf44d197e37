using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Staff;

/// <summary>
/// Staff keys through the manage API as a town would use them: issued with the admin key for named towns, good for
/// those towns' requests and documents only, never for the admin's own work, and dead on every instance the moment
/// they are revoked.
/// </summary>
public sealed class StaffKeysWorkInTheirTownsOnly(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string Other = "other.example";

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        var other = await App.PutTownAsync(Other, Towns.Minimal("Other Town"));
        Assert.True(other.IsSuccessStatusCode, await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AStaffKeySeesItsTownAndNothingElse()
    {
        var (key, id) = await IssueAsync("Dana (clerk)", Towns.Riverton);
        var staff = As(key);

        var me = await JsonOf(await staff.GetAsync("/open311/manage/staff/me"));
        Assert.Equal("Dana (clerk)", me["name"]!.GetValue<string>());
        Assert.False(me["admin"]!.GetValue<bool>());
        Assert.Equal([Towns.Riverton], me["jurisdictions"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/open311/manage/jurisdictions/{Towns.Riverton}")).StatusCode);
        var list = await JsonOf(await staff.GetAsync("/open311/manage/jurisdictions"));
        Assert.Equal([Towns.Riverton], list.AsArray().Select(j => j!["id"]!.GetValue<string>()));

        // Another town's inbox, document and requests, and the admin's own work: refused, in the Open311 error shape.
        Assert.Contains("does not work for 'other.example'", (await AssertJsonErrors(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Other}"), 403))[0]);
        await AssertJsonErrors(await staff.GetAsync($"/open311/manage/jurisdictions/{Other}"), 403);
        await AssertJsonErrors(await staff.PutAsync($"/open311/manage/jurisdictions/{Other}", new StringContent(Towns.Minimal("Taken"), Encoding.UTF8, "application/json")), 403);
        await AssertJsonErrors(await staff.PostAsJsonAsync("/open311/manage/keys", new { name = "x" }), 403);
        await AssertJsonErrors(await staff.PostAsJsonAsync("/open311/manage/staff-keys", new { name = "x", jurisdictions = new[] { Towns.Riverton } }), 403);
        await AssertJsonErrors(await staff.GetAsync("/open311/manage/outbox"), 403);
        Assert.Equal(12, id.Length);
    }

    [Fact]
    public async Task ARevokedKeyStopsAtOnceOnEveryInstance()
    {
        var (key, id) = await IssueAsync("Sam", Towns.Riverton);

        // A second instance over the same tables, as a scaled-out Functions app would have.
        await using var second = new Open311App(Azurite.ConnectionString, settings: new() { ["Storage:TablePrefix"] = App.TablePrefix });
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/open311/manage/staff/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await App.Admin().DeleteAsync($"/open311/manage/staff-keys/{id}")).StatusCode);

        await AssertJsonErrors(await onSecond.GetAsync("/open311/manage/staff/me"), 403);
        await AssertJsonErrors(await As(key).GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}"), 403);
        await AssertJsonErrors(await App.Admin().DeleteAsync($"/open311/manage/staff-keys/{id}"), 404);
    }

    [Fact]
    public async Task KeysAreIssuedOnlyForHostedTownsAndOnlyTheirHashIsKept()
    {
        var errors = await AssertJsonErrors(await App.Admin().PostAsJsonAsync("/open311/manage/staff-keys", new { name = "Pat", jurisdictions = new[] { "nowhere.example" } }), 400);
        Assert.Contains(errors, e => e.Contains("'nowhere.example' is not hosted here"));
        await AssertJsonErrors(await App.Admin().PostAsJsonAsync("/open311/manage/staff-keys", new { name = "Pat" }), 400);

        var (key, id) = await IssueAsync("Pat", Towns.Riverton, Other);
        var listed = await JsonOf(await App.Admin().GetAsync("/open311/manage/staff-keys"));
        var entry = Assert.Single(listed.AsArray(), k => k!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("Pat", entry["name"]!.GetValue<string>());
        Assert.DoesNotContain(key, listed.ToJsonString());
    }

    [Fact]
    public async Task StaffEditTheirTownButNotTheLinesBetweenTowns()
    {
        var (key, _) = await IssueAsync("Olly", "OTHER.example");
        var staff = As(key);
        var read = await staff.GetAsync($"/open311/manage/jurisdictions/{Other}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var document = (await JsonOf(read)).AsObject();

        // Drawn over Riverton (same tier): refused, nothing changes.
        document["boundary"] = Towns.RivertonDocument()["boundary"]!.DeepClone();
        var overlap = await PutAsync(staff, document, read.Headers.ETag!.ToString());
        Assert.Contains("overlaps riverton.example", (await AssertJsonErrors(overlap, 403))[0]);

        // A boundary of its own, a new service, and an attempt at tier and remote: the first two are kept, not the others.
        document["boundary"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[-71.0,44.0],[-70.9,44.0],[-70.9,44.1],[-71.0,44.1],[-71.0,44.0]]]}""");
        document["tier"] = "county";
        document["remote"] = JsonNode.Parse("""{"endpoint":"https://elsewhere.example/open311/v2","jurisdiction_id":"x"}""");
        document["services"]!.AsArray().Add(JsonNode.Parse("""{"service_code":"benches","service_name":"Broken bench"}"""));
        var saved = await PutAsync(staff, document, read.Headers.ETag!.ToString());
        var stored = await JsonOf(saved);
        Assert.True(saved.IsSuccessStatusCode, stored.ToJsonString());
        Assert.Equal("Polygon", stored["boundary"]!["type"]!.GetValue<string>());
        Assert.Equal(2, stored["services"]!.AsArray().Count);
        Assert.NotEqual("county", stored["tier"]?.GetValue<string>());
        Assert.Null(stored["remote"]);

        await AssertJsonErrors(await PutAsync(staff, document, null, "new-town.example"), 403);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, JsonNode document, string? etag, string town = Other)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/open311/manage/jurisdictions/{town}") { Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            put.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(put);
    }

    private async Task<(string Key, string Id)> IssueAsync(string name, params string[] towns)
    {
        var response = await App.Admin().PostAsJsonAsync("/open311/manage/staff-keys", new { name, jurisdictions = towns });
        var body = await JsonOf(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (body["staff_key"]!.GetValue<string>(), body["id"]!.GetValue<string>());
    }

    private HttpClient As(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
