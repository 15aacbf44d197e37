using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Staff;

/// <summary>
/// A resident's e-mail that says nothing of where (needs_location) waits in its town's queue; a clerk places it on the
/// map and picks its service, and the pipeline makes it a request under the same intake record — once.
/// </summary>
public sealed class StaffFinishWhatCameWithoutAPlace(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string Secret = "a-long-mail-secret-0123456789";

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        Assert.True((await App.PutTownAsync("other.example", Towns.Minimal("Other Town"))).IsSuccessStatusCode);
        // The source serves both towns; the reports it takes for Riverton are still Riverton's alone.
        await App.PutRivertonMailSourceAsync("mail", Secret, Towns.Riverton, "other.example");
    }

    [Fact]
    public async Task AClerkPlacesAReportAndItBecomesOneRequest()
    {
        var delivered = await App.CreateClient().PostAsync($"/open311/connectors/email/mail/mime?key={Secret}", new ByteArrayContent(TestMail.Plain("lamp-1@example.org", "It is dark", "The lamp by the duck pond is out again", to: "potholes+riverton@reports.example")));
        Assert.Equal(HttpStatusCode.Accepted, delivered.StatusCode);
        var clerk = await StaffAsync("Dana (clerk)", Towns.Riverton);
        var stranger = await StaffAsync("Olly", "other.example");

        var waiting = (await JsonOf(await clerk.GetAsync($"/open311/manage/intake?outcome=needs_location&jurisdiction_id={Towns.Riverton}"))).AsArray();
        var intakeId = Assert.Single(waiting)!["intake_id"]!.GetValue<string>();
        Assert.Empty((await JsonOf(await stranger.GetAsync("/open311/manage/intake?outcome=needs_location"))).AsArray());
        await AssertJsonErrors(await stranger.GetAsync($"/open311/manage/intake/{Uri.EscapeDataString(intakeId)}"), 404);
        await AssertJsonErrors(await stranger.PostAsJsonAsync($"/open311/manage/intake/{Uri.EscapeDataString(intakeId)}/resolve", new { jurisdiction_id = "other.example", lat = Towns.Lat, @long = Towns.Long }), 404);

        var resolve = $"/open311/manage/intake/{Uri.EscapeDataString(intakeId)}/resolve";
        await AssertJsonErrors(await clerk.PostAsJsonAsync(resolve, new { jurisdiction_id = Towns.Riverton }), 400);
        Assert.Contains("not a service of", (await AssertJsonErrors(await clerk.PostAsJsonAsync(resolve, new { jurisdiction_id = Towns.Riverton, lat = Towns.Lat, @long = Towns.Long, service_code = "litter" }), 400))[0]);
        await AssertJsonErrors(await clerk.PostAsJsonAsync(resolve, new { jurisdiction_id = "other.example", lat = Towns.Lat, @long = Towns.Long }), 403);
        var finished = await clerk.PostAsJsonAsync(resolve, new { jurisdiction_id = Towns.Riverton, lat = Towns.Lat, @long = Towns.Long, service_code = "streetlight" });
        var record = await JsonOf(finished);
        Assert.True(finished.IsSuccessStatusCode, record.ToJsonString());
        Assert.Equal(("created", intakeId), (record["outcome"]!.GetValue<string>(), record["intake_id"]!.GetValue<string>()));
        Assert.Contains(record["notes"]!.AsArray(), n => n!["by"]?.GetValue<string>() == "Dana (clerk)" && n["summary"]!.GetValue<string>().Contains("placed at 44.2, -72.57"));

        var id = record["service_request_id"]!.GetValue<string>();
        var request = await JsonOf(await clerk.GetAsync($"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}"));
        Assert.Equal(("streetlight", Towns.Lat), (request["service_code"]!.GetValue<string>(), request["lat"]!.GetValue<double>()));
        Assert.Contains("duck pond", request["description"]!.GetValue<string>());
        Assert.Contains(request["notes"]!.AsArray(), n => n!["type"]!.GetValue<string>() == "internal" && n["by"]?.GetValue<string>() == "Dana (clerk)" && n["summary"] is not null);

        // Finished once: a second click (another tab) is refused, and no second request appears.
        Assert.Contains("is created", (await AssertJsonErrors(await clerk.PostAsJsonAsync(resolve, new { jurisdiction_id = Towns.Riverton, lat = Towns.Lat, @long = Towns.Long }), 409))[0]);
        Assert.Single((await JsonOf(await clerk.GetAsync($"/open311/manage/requests?jurisdiction_id={Towns.Riverton}")))["requests"]!.AsArray());
        Assert.Empty((await JsonOf(await clerk.GetAsync($"/open311/manage/intake?outcome=needs_location&jurisdiction_id={Towns.Riverton}"))).AsArray());
    }

    private async Task<HttpClient> StaffAsync(string name, string town)
    {
        var issued = await JsonOf(await App.Admin().PostAsJsonAsync("/open311/manage/staff-keys", new { name, jurisdictions = new[] { town } }));
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued["staff_key"]!.GetValue<string>());
        return client;
    }
}
