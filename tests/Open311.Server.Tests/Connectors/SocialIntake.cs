using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Connectors;

/// <summary>
/// Social posts end to end, as a town or community group configures them through the manage API: X posts pushed in
/// the v1.1 status shape (our own statuses, in the shape of the v1.1 Tweet object docs), and a Mastodon hashtag polled
/// from a stand-in instance, whose author is asked for the place and answers in the thread.
/// </summary>
public sealed class SocialIntake(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string Secret = "riverton-social-secret-0123";

    private static readonly SyntheticTown Town = new(44.19, -72.59, streets: 3, avenues: 3);

    protected override Dictionary<string, string>? Settings => Open311App.LoopbackAllowed;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        Assert.True((await App.Admin().PostAsync($"/open311/manage/jurisdictions/{Towns.Riverton}/addresses", new StringContent(Town.ToCsv(), Encoding.UTF8, "text/csv"))).IsSuccessStatusCode);
        await PutSourceAsync("x-riverton", new JsonObject { ["type"] = "social", ["network"] = "x", ["secret"] = Secret, ["hashtag"] = "riverton311", ["handle"] = "RivertonVT", ["triage_service"] = "general_feedback" });
    }

    [Fact]
    public async Task AGeotaggedTweetBecomesARequestAndTheAuthorNeverShowsInPublic()
    {
        var record = (await PushAsync(Tweet("1862000000000000001", "Huge pothole on the corner @RivertonVT #riverton311", point: "[-72.57031,44.20012]")))[0]!;

        Assert.Equal("created", record["outcome"]!.GetValue<string>());
        var id = record["service_request_id"]!.GetValue<string>();
        var request = await Client.GetStringAsync($"/open311/v2/requests/{id}.json?extensions=true");
        Assert.DoesNotContain("pat_resident", request, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("RivertonVT", request, StringComparison.Ordinal);
        Assert.Contains("Huge pothole on the corner", request);
        var staff = await App.Admin().GetStringAsync($"/open311/manage/intake/x-riverton:1862000000000000001");
        Assert.Contains("@pat_resident", staff);
    }

    [Fact]
    public async Task AnAddressInTheTextBeatsTheTweetsCityWidePlaceAndThePlaceAloneIsTooCoarse()
    {
        var placed = (await PushAsync(Tweet("1862000000000000002", "Pothole outside 12 Main St, please fix #riverton311", place: true)))[0]!;
        var coarse = (await PushAsync(Tweet("1862000000000000003", "Pothole somewhere in town #riverton311", place: true)))[0]!;

        Assert.Equal("created", placed["outcome"]!.GetValue<string>());
        Assert.Contains("the address '12 Main St'", placed["reason"]!.GetValue<string>());
        Assert.Equal("needs_location", coarse["outcome"]!.GetValue<string>());
        Assert.Contains("only known to ±", coarse["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARetweetIsNoReportAndABadPostInABatchBlocksNoOther()
    {
        var batch = $"[{Tweet("1862000000000000010", "Pothole at 12 Main St #riverton311")},{{\"text\":\"no id here\"}},{Retweet("1862000000000000011", "1862000000000000010")}]";

        var records = (await PushAsync(batch)).AsArray();

        Assert.Equal(["created", "rejected", "ignored"], records.Select(r => r!["outcome"]!.GetValue<string>()));
        Assert.Contains("A repost of 1862000000000000010", records[2]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongSecretsAndUnknownShapesAreRefusedWithTheReason()
    {
        var wrong = await Client.PostAsync("/open311/connectors/social/x-riverton/posts?key=nope", new StringContent(Tweet("1", "x"), Encoding.UTF8, "application/json"));
        var unknown = await Client.PostAsync($"/open311/connectors/social/x-riverton/posts?key={Secret}", new StringContent("""{"hello":"world"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var errors = await AssertJsonErrors(unknown, 400);
        Assert.Contains("X v1.1 status, X v2 response", errors[0]);
        Assert.Contains("Mastodon status or timeline", errors[0]);
    }

    [Fact]
    public async Task AMastodonAuthorIsAskedForThePlaceOnceAndTheirAnswerInTheThreadPlacesTheReport()
    {
        await using var mastodon = await FakeMastodon.StartAsync();
        await PutSourceAsync("town-social", new JsonObject
        {
            ["type"] = "social", ["network"] = "mastodon", ["instance"] = mastodon.BaseUrl, ["hashtag"] = "riverton311",
            ["posting_token"] = FakeMastodon.Token, ["ask_for_place"] = true, ["triage_service"] = "general_feedback",
            ["jurisdictions"] = new JsonArray(Towns.Riverton),
        });
        mastodon.Timeline.Add(FakeMastodon.Status("113000000000000001", """<p>Big pothole, please fix <a href="https://town.social/tags/riverton311" class="mention hashtag" rel="tag">#<span>riverton311</span></a></p>"""));

        await PollAsync("town-social");
        var waiting = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/town-social:113000000000000001"));
        mastodon.Threads["113000000000000001"] = [FakeMastodon.Status("113000000000000005", "<p>It is outside 12 Main St</p>", inReplyTo: "113999000000000001", visibility: "direct")];
        await PollAsync("town-social");
        await PollAsync("town-social");

        Assert.Equal("needs_location", waiting["outcome"]!.GetValue<string>());
        Assert.StartsWith("asked @pat for the place in a direct reply", waiting["write_back"]!.GetValue<string>());
        var question = Assert.Single(mastodon.Posted);
        Assert.Equal(("113000000000000001", "direct", $"Bearer {FakeMastodon.Token}"), (question["in_reply_to_id"], question["visibility"], question["Authorization"]));
        Assert.Contains("@pat", question["status"]);
        Assert.False(string.IsNullOrEmpty(question["Idempotency-Key"]));
        var placed = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/town-social:113000000000000001"));
        Assert.Equal("created", placed["outcome"]!.GetValue<string>());
        var request = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{placed["service_request_id"]!.GetValue<string>()}.json")))[0]!;
        var truth = Town.House("12", "Main St")!.Value;
        Assert.InRange(Open311.Core.Places.GeoDistance.Meters(request["lat"]!.GetValue<double>(), request["long"]!.GetValue<double>(), truth.Lat, truth.Long), 0, 2);
        Assert.Equal("follow_up", (await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/town-social:113000000000000005")))["outcome"]!.GetValue<string>());
    }

    private async Task<JsonNode> PushAsync(string body)
    {
        var response = await Client.PostAsync($"/open311/connectors/social/x-riverton/posts?key={Secret}", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    private async Task PollAsync(string source)
    {
        var polled = await App.Admin().PostAsync($"/open311/manage/sources/{source}/poll", null);
        Assert.True(polled.IsSuccessStatusCode, await polled.Content.ReadAsStringAsync());
    }

    private async Task PutSourceAsync(string id, JsonObject source)
    {
        var saved = await App.Admin().PutAsync($"/open311/manage/sources/{id}", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    /// <summary>A v1.1 status (developer.x.com "Tweet object"): an exact point as GeoJSON [lon, lat], or a city-wide place.</summary>
    private static string Tweet(string id, string text, string? point = null, bool place = false) => $$"""
        {
          "created_at": "Fri Nov 27 10:00:00 +0000 2026",
          "id": {{id}}, "id_str": "{{id}}",
          "full_text": "{{text}}",
          "truncated": false,
          "entities": {"hashtags": [], "user_mentions": [], "urls": []},
          "user": {"id": 42, "id_str": "42", "screen_name": "pat_resident", "name": "Pat Resident"},
          "coordinates": {{(point is null ? "null" : $$"""{"type":"Point","coordinates":{{point}}}""")}},
          "place": {{(place ? """{"id":"5c0a6c3d","url":"https://api.x.com/1.1/geo/id/5c0a6c3d.json","place_type":"city","name":"Riverton","full_name":"Riverton, VT","country_code":"US","country":"United States","bounding_box":{"type":"Polygon","coordinates":[[[-72.65,44.15],[-72.49,44.15],[-72.49,44.26],[-72.65,44.26]]]},"attributes":{}}""" : "null")}},
          "in_reply_to_status_id_str": null,
          "is_quote_status": false,
          "retweet_count": 0, "favorite_count": 0, "lang": "en"
        }
        """;

    private static string Retweet(string id, string original) => $$"""
        {
          "created_at": "Fri Nov 27 10:05:00 +0000 2026",
          "id": {{id}}, "id_str": "{{id}}",
          "full_text": "RT @pat_resident: Pothole at 12 Main St #riverton311",
          "entities": {"hashtags": [], "user_mentions": [], "urls": []},
          "user": {"id": 43, "id_str": "43", "screen_name": "lee_neighbour", "name": "Lee"},
          "coordinates": null, "place": null,
          "retweeted_status": {{Tweet(original, "Pothole at 12 Main St #riverton311")}}
        }
        """;
}
