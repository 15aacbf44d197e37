using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Staff;

/// <summary>
/// The inbox a clerk works from: newest first, filtered by status, service and words, private requests included,
/// a count of what came since the last visit, a CSV of the list; every change named in the history with who made
/// it, internal notes and names never in a public answer.
/// </summary>
public sealed class TheInboxShowsStaffTheirTown(AzuriteFixture azurite) : AppTest(azurite)
{
    private HttpClient staff = null!;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        var issued = await JsonOf(await App.Admin().PostAsJsonAsync("/open311/manage/staff-keys", new { name = "Dana (clerk)", jurisdictions = new[] { Towns.Riverton } }));
        staff = App.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued["staff_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheInboxFiltersPagesCountsAndExports()
    {
        var key = await App.IssueKeyAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await PostAsync(key, "pothole", "Deep hole by the school", ("attribute[size]", "large"), ("email", "ann@example.org"), ("first_name", "Ann"));
        await PostAsync(key, "general_feedback", "=HYPERLINK(\"http://evil.example\") thanks for the plowing", ("email", "bob@example.org"));
        await PostAsync(key, "streetlight", "Lamp out on Elm Street", ("attribute[problem]", "out"));

        var all = await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&since={Uri.EscapeDataString(before.ToString("o"))}"));
        Assert.Equal(["3", "2", "1"], Ids(all));
        Assert.Equal(3, all["new_since"]!.GetValue<int>());
        Assert.True(all["requests"]![1]!["private"]!.GetValue<bool>());
        Assert.Equal("ann@example.org", all["requests"]![2]!["requester"]!["email"]!.GetValue<string>());

        Assert.Equal(["3"], Ids(await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&q=elm"))));
        Assert.Equal(["1"], Ids(await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&service_code=pothole"))));
        var paged = await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&page_size=2&page=2"));
        Assert.Equal(["1"], Ids(paged));
        Assert.Equal((false, 2), (paged["more"]!.GetValue<bool>(), paged["page"]!.GetValue<int>()));
        Assert.True((await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&page_size=2")))["more"]!.GetValue<bool>());
        await AssertJsonErrors(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&page_size=500"), 400);
        await AssertJsonErrors(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&page=5000"), 400);
        var beyond = await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&page=102"));
        Assert.Equal((0, false), (beyond["requests"]!.AsArray().Count, beyond["more"]!.GetValue<bool>()));

        var csv = await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString() ?? string.Empty);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("service_request_id,requested_datetime", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("ann@example.org", lines[3]);

        // A description that a spreadsheet would run as a formula is written so that it shows as text.
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\") thanks for the plowing\"", lines[2]);
    }

    [Fact]
    public async Task EveryStaffChangeNamesWhoMadeItAndInternalNotesStayInternal()
    {
        var key = await App.IssueKeyAsync();
        var id = await PostAsync(key, "pothole", "Deep hole", ("attribute[size]", "large"));

        var read = await staff.GetAsync($"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}");
        var etag = read.Headers.ETag!.ToString();
        var closed = await PatchAsync(id, etag, new { status = "closed", status_notes = "Filled on Tuesday", note = "Crew 2 used cold patch; check in spring", agency_responsible = "Public Works" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var history = (await JsonOf(closed))["notes"]!.AsArray();
        Assert.Contains(history, n => n!["type"]!.GetValue<string>() == "closed" && n["by"]?.GetValue<string>() == "Dana (clerk)");
        Assert.Contains(history, n => n!["type"]!.GetValue<string>() == "internal" && n["description"]!.GetValue<string>() == "Crew 2 used cold patch; check in spring" && n["by"]?.GetValue<string>() == "Dana (clerk)");
        Assert.Contains(history, n => n!["summary"]!.GetValue<string>() == "Assigned to Public Works");

        // A page opened before that change: its ETag is stale, and nothing it sends is written.
        var stale = await PatchAsync(id, etag, new { status = "open" });
        Assert.Contains("changed since you read it", (await AssertJsonErrors(stale, 412))[0]);

        foreach (var format in new[] { "json", "xml" })
        {
            var shown = await Client.GetStringAsync($"/open311/v2/requests/{id}.{format}?extensions=true");
            Assert.Contains("Filled on Tuesday", shown);
            Assert.DoesNotContain("cold patch", shown);
            Assert.DoesNotContain("Dana", shown);
        }
    }

    private async Task<HttpResponseMessage> PatchAsync(string id, string etag, object body)
    {
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}") { Content = JsonContent.Create(body) };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        return await staff.SendAsync(patch);
    }

    private async Task<string> PostAsync(string key, string service, string description, params (string, string)[] extra)
    {
        var response = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, service, Forms.InRiverton([("description", description), .. extra])));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var staffView = await JsonOf(await staff.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}&page_size=1"));
        return Ids(staffView)[0];
    }

    private static List<string> Ids(JsonNode list) => list["requests"]!.AsArray().Select(r => r!["service_request_id"]!.GetValue<string>()).ToList();
}
