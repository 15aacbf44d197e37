using System.Text;
using System.Text.Json.Nodes;
using Open311.Api;
using Open311.Connectors.Ushahidi;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Security;

/// <summary>
/// Personal data goes in — through a POST (every contact field), an update POST and a connector (an author's e-mail and name) — and
/// every public GET route of the table is read in XML and JSON, with and without extensions: none of it comes out.
/// A new public route fails this test until it is given a way to be called here.
/// </summary>
public sealed class NoPersonalDataInPublicAnswers(AzuriteFixture azurite) : AppTest(azurite)
{
    private static readonly string[] Personal =
        ["pii-ann@example.org", "Annabelle-Pii", "Quartermaine-Pii", "555-0199-77", "device-pii-42", "account-pii-7", "mapper-pii@example.org", "Mapper Piiname", "tooter_pii", "Tooter Piiname"];

    [Fact]
    public async Task NoPublicRouteShowsWhoReported()
    {
        await App.PutRivertonAsync();
        var key = await App.IssueKeyAsync();
        var posted = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "pothole", Forms.InRiverton(
            ("attribute[size]", "large"), ("description", "Hole"), ("email", Personal[0]), ("first_name", Personal[1]), ("last_name", Personal[2]),
            ("phone", Personal[3]), ("device_id", Personal[4]), ("account_id", Personal[5])))));
        var batch = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "snow_plow", Forms.InRiverton(("email", Personal[0])))));
        var id = posted[0]!["service_request_id"]!.GetValue<string>();
        var token = batch[0]!["token"]?.GetValue<string>() ?? "none";
        await PostFromAConnectorAsync();
        await PostFromASocialFeedAsync();
        var update = await Client.PostAsync("/open311/v2/servicerequestupdates.json", Forms.Of(
            ("api_key", key), ("service_request_id", id), ("update_id", "u-1"), ("status", "IN_PROGRESS"), ("updated_datetime", "2026-03-04T09:00:00Z"),
            ("description", "Crew sent"), ("email", Personal[0]), ("first_name", Personal[1]), ("last_name", Personal[2]), ("phone", Personal[3]), ("account_id", Personal[5])));
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());

        var calls = new Dictionary<string, string[]>
        {
            [Open311Routes.Discovery] = ["/open311/discovery.{0}"],
            [Open311Routes.Services] = ["/open311/v2/services.{0}"],
            [Open311Routes.Service] = ["/open311/v2/services/pothole.{0}"],
            [Open311Routes.Requests] = ["/open311/v2/requests.{0}", "/open311/v2/requests.{0}?extensions=true", $"/open311/v2/requests.{{0}}?service_request_id={id}&extensions=true", "/open311/v2/requests.{0}?updated_after=2000-01-01T00:00:00Z&updated_before=2100-01-01T00:00:00Z&extensions=true"],
            [Open311Routes.Request] = [$"/open311/v2/requests/{id}.{{0}}", $"/open311/v2/requests/{id}.{{0}}?extensions=true", "/open311/v2/requests/2.{0}?extensions=true", "/open311/v2/requests/3.{0}?extensions=true"],
            [Open311Routes.Token] = [$"/open311/v2/tokens/{token}.{{0}}"],
            [Open311Routes.Updates] = ["/open311/v2/servicerequestupdates.{0}", "/open311/v2/servicerequestupdates.{0}?start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z"],
            [Open311Routes.Lookup] = ["/open311/lookup.{0}?lat=44.2&long=-72.57"],
            [Open311Routes.Media] = ["/open311/media/riverton.example/none.png"],
            [Open311Routes.Health] = ["/open311/health"],
            [Open311Routes.OpenApi] = ["/open311/openapi.json"],
            [Open311Routes.Docs] = ["/open311/docs"],
            [Open311Routes.DocsAsset] = ["/open311/docs/swagger-ui.css"],
            [Open311Routes.Console] = ["/open311/console"],
            [Open311Routes.Tracker] = ["/open311/track"],
            [Open311Routes.WebFile] = ["/open311/web/strings.en.json", "/open311/web/track.js"],
            [Open311Routes.Town] = ["/open311/towns/riverton.example"],
        };

        var publicGets = Open311Routes.All.Where(r => r.Method == "GET" && !r.Template.StartsWith("manage/", StringComparison.Ordinal)).Select(r => r.Template).ToHashSet();
        Assert.Equal(publicGets.Order(), calls.Keys.Order());
        var read = 0;
        foreach (var url in calls.Values.SelectMany(u => u).SelectMany(u => new[] { string.Format(System.Globalization.CultureInfo.InvariantCulture, u, "json"), string.Format(System.Globalization.CultureInfo.InvariantCulture, u, "xml") }).Distinct())
        {
            var body = await (await Client.GetAsync(url)).Content.ReadAsStringAsync();
            read++;
            Assert.All(Personal, p => Assert.DoesNotContain(p, body, StringComparison.OrdinalIgnoreCase));
        }

        Assert.True(read >= 25, $"read only {read} answers");
        var staff = await App.Admin().GetStringAsync($"/open311/manage/requests/{id}");
        Assert.Contains(Personal[0], staff);
    }

    private async Task PostFromASocialFeedAsync()
    {
        const string secret = "social-pii-secret-0123456789";
        var source = $$$"""{"type":"social","network":"mastodon","secret":"{{{secret}}}","category_map":{"tag:riverton311":"pothole"}}""";
        Assert.True((await App.Admin().PutAsync("/open311/manage/sources/toots", new StringContent(source, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var status = $$"""{"id":"113000000000000077","created_at":"2026-11-27T10:00:00.000Z","in_reply_to_id":null,"visibility":"public","uri":"https://town.social/users/{{Personal[8]}}/statuses/113000000000000077","url":"https://town.social/@{{Personal[8]}}/113000000000000077","edited_at":null,"content":"<p>Pothole here https://www.openstreetmap.org/?mlat=44.20012&amp;mlon=-72.57031 #riverton311</p>","reblog":null,"account":{"id":"1","username":"{{Personal[8]}}","acct":"{{Personal[8]}}","display_name":"{{Personal[9]}}","url":"https://town.social/@{{Personal[8]}}"},"media_attachments":[],"mentions":[],"tags":[{"name":"riverton311","url":"https://town.social/tags/riverton311"}]}""";
        var posted = await Client.PostAsync($"/open311/connectors/social/toots/posts?key={secret}", new StringContent(status, Encoding.UTF8, "application/json"));
        var record = JsonNode.Parse(await posted.Content.ReadAsStringAsync())![0]!;
        Assert.Equal("created", record["outcome"]!.GetValue<string>());
    }

    private async Task PostFromAConnectorAsync()
    {
        const string hook = "https://hub.example.org/hook";
        var source = """{"type":"ushahidi","deployment_url":"https://crisis.example.org","webhook_url":"https://hub.example.org/hook","webhook_secret":"s3cret","category_map":{"tag:12":"pothole"}}""";
        Assert.True((await App.Admin().PutAsync("/open311/manage/sources/crisis", new StringContent(source, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var post = $$"""{"id":77,"title":"Pothole","content":"Deep","author_email":"{{Personal[6]}}","author_realname":"{{Personal[7]}}","values":{"loc":[{"lon":-72.57,"lat":44.2}]},"tags":[12]}""";
        using var message = new HttpRequestMessage(HttpMethod.Post, "/open311/connectors/ushahidi/crisis/webhook") { Content = new StringContent(post, Encoding.UTF8, "application/json") };
        message.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute("s3cret", hook, Encoding.UTF8.GetBytes(post)));
        var record = JsonNode.Parse(await (await Client.SendAsync(message)).Content.ReadAsStringAsync())![0]!;
        Assert.Equal("created", record["outcome"]!.GetValue<string>());
    }
}
