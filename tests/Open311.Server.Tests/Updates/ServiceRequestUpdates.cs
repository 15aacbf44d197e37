using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Updates;

/// <summary>The mySociety <c>servicerequestupdates</c> extension on our server, over HTTP, in XML and JSON.</summary>
public sealed class ServiceRequestUpdates(AzuriteFixture azurite) : AppTest(azurite)
{
    private string key = string.Empty;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        key = await App.IssueKeyAsync();
    }

    [Fact]
    public async Task AnUpdatePostedTwiceIsMadeOnceAndAnsweredWithOurId()
    {
        var id = await NewRequestAsync();

        var first = await PostUpdateXmlAsync(id, "fms-881", "IN_PROGRESS", "Crew booked");
        var again = await PostUpdateXmlAsync(id, "fms-881", "IN_PROGRESS", "Crew booked");

        Assert.Equal($"{id}-1", first);
        Assert.Equal(first, again);
        var feed = (await JsonOf(await Client.GetAsync("/open311/v2/servicerequestupdates.json"))).AsArray();
        Assert.Single(feed, u => u!["service_request_id"]!.GetValue<string>() == id);
    }

    [Theory]
    [InlineData("FIXED", "closed", "fixed")]
    [InlineData("in progress", "open", "in_progress")]
    [InlineData("NOT_COUNCILS_RESPONSIBILITY", "closed", "not_councils_responsibility")]
    [InlineData("CLOSED", "closed", "closed")]
    public async Task ExtendedStatusesAreKeptAndMapToOpenOrClosedInThePlainCalls(string posted, string plain, string extended)
    {
        var id = await NewRequestAsync();

        await PostUpdateXmlAsync(id, $"u-{posted}", posted, "Looked at it");

        var request = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{id}.json")))[0]!;
        var withExtensions = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{id}.json?extensions=true")))[0]!;
        Assert.Equal(plain, request["status"]!.GetValue<string>());
        Assert.Null(request["extended_status"]);
        Assert.Equal(extended, withExtensions["extended_status"]!.GetValue<string>());
        Open311Schemas.AssertValid("request.json", withExtensions.ToJsonString());
        Assert.Contains(withExtensions["notes"]!.AsArray(), n => n!["summary"]!.GetValue<string>().EndsWith(extended, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFeedHoldsStaffChangesAndClientUpdatesOldestFirstInBothFormats()
    {
        var a = await NewRequestAsync();
        var b = await NewRequestAsync();
        await PostUpdateXmlAsync(a, "c-1", "ACTION_SCHEDULED", "Booked for Tuesday");
        await App.PatchRequestAsync(b, """{"status":"fixed","status_notes":"Filled with asphalt"}""");
        await PostUpdateXmlAsync(a, "c-2", "FIXED", string.Empty);

        var json = await Client.GetStringAsync("/open311/v2/servicerequestupdates.json");
        var xml = await Client.GetStringAsync("/open311/v2/servicerequestupdates.xml");

        Open311Schemas.AssertValid("request-updates.json", json);
        XmlMatchesJson.Assert(xml, json);
        var feed = JsonNode.Parse(json)!.AsArray().Select(u => (u!["update_id"]!.GetValue<string>(), u["status"]!.GetValue<string>(), u["description"]!.GetValue<string>())).ToList();
        Assert.Equal([($"{a}-1", "action_scheduled", "Booked for Tuesday"), ($"{b}-1", "fixed", "Filled with asphalt"), ($"{a}-2", "fixed", string.Empty)], feed);
        Assert.Equal("service_request_updates", XDocument.Parse(xml).Root!.Name.LocalName);
        Assert.Equal("closed", (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{b}.json")))[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheWindowIsOnWhenAnUpdateArrivedAndIsBounded()
    {
        var id = await NewRequestAsync();

        // FixMyStreet stamps an update with when its author wrote it; this one arrives a year late.
        await PostUpdateXmlAsync(id, "late", "FIXED", "Old news", updated: "2025-01-01T00:00:00Z");

        var recent = (await JsonOf(await Client.GetAsync($"/open311/v2/servicerequestupdates.json?start_date={Stamp(-1)}&end_date={Stamp(1)}"))).AsArray();
        var past = (await JsonOf(await Client.GetAsync("/open311/v2/servicerequestupdates.json?start_date=2024-12-01T00:00:00Z&end_date=2025-02-01T00:00:00Z"))).AsArray();
        Assert.Equal("2025-01-01T00:00:00Z", Assert.Single(recent)!["updated_datetime"]!.GetValue<string>());
        Assert.Empty(past);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/servicerequestupdates.json?start_date=2024-01-01T00:00:00Z&end_date=2025-01-01T00:00:00Z"), 400);
        await AssertXmlErrors(await Client.GetAsync("/open311/v2/servicerequestupdates.xml?start_date=yesterday"), 400);
    }

    [Fact]
    public async Task BadUpdatesAreRefusedWithEveryReasonAtOnce()
    {
        var id = await NewRequestAsync();

        var errors = await AssertXmlErrors(await Client.PostAsync("/open311/v2/servicerequestupdates.xml", Forms.Of(("api_key", key), ("service_request_id", id), ("status", "MENDED"), ("updated_datetime", "soon"))), 400);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("update_id is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'MENDED' is not one of OPEN, IN_PROGRESS", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("updated_datetime 'soon'", StringComparison.Ordinal));
        await AssertJsonErrors(await Client.PostAsync("/open311/v2/servicerequestupdates.json", Update(key, "999999", "x", "FIXED")), 404);
        await AssertJsonErrors(await Client.PostAsync("/open311/v2/servicerequestupdates.json", Update("not-a-key", id, "x", "FIXED")), 403);
        await AssertJsonErrors(await Client.PostAsync("/open311/v2/servicerequestupdates.json", Update(key, id, "x", "FIXED", media: "ftp://example.org/a.jpg")), 400);
        Assert.Equal("open", (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{id}.json")))[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABlackboxRequestTakesNoPublicUpdates()
    {
        await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "general_feedback", Forms.InRiverton(("description", "Lovely park"))));

        // Blackbox requests have no public id; the first ids of this town's counter are tried, none is updatable.
        foreach (var guess in Enumerable.Range(1, 3))
        {
            var answer = await Client.PostAsync("/open311/v2/servicerequestupdates.json", Update(key, guess.ToString(System.Globalization.CultureInfo.InvariantCulture), $"g{guess}", "FIXED"));
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }
    }

    private async Task<string> NewRequestAsync()
    {
        var posted = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", Forms.InRiverton(("description", "Cracked slab")))));
        return posted[0]!["service_request_id"]!.GetValue<string>();
    }

    /// <summary>Posts as FixMyStreet does (XML answer) and returns the update id it read from it.</summary>
    private async Task<string> PostUpdateXmlAsync(string id, string updateId, string status, string description, string? updated = null)
    {
        var answer = await Client.PostAsync("/open311/v2/servicerequestupdates.xml", Update(key, id, updateId, status, description, updated));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, body);
        return XDocument.Parse(body).Root!.Element("request_update")!.Element("update_id")!.Value;
    }

    private static FormUrlEncodedContent Update(string apiKey, string id, string updateId, string status, string description = "An update", string? updated = null, string? media = null) =>
        Forms.Of([("api_key", apiKey), ("service_request_id", id), ("update_id", updateId), ("status", status), ("updated_datetime", updated ?? Stamp(0)), ("description", description), .. media is null ? Array.Empty<(string, string)>() : [("media_url", media)]]);

    private static string Stamp(int days) => DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
