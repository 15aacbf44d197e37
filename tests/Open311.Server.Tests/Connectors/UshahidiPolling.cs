using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Open311.Connectors.Ushahidi;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Connectors;

[Collection(AzuriteCollection.Name)]
public sealed class UshahidiPolling(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeUshahidi? deployment;
    private Open311App? app;

    private FakeUshahidi Deployment => deployment!;

    private Open311App App => app!;

    public async Task InitializeAsync()
    {
        deployment = await FakeUshahidi.StartAsync();
        app = new Open311App(azurite.ConnectionString, settings: Open311App.LoopbackAllowed, services: s =>
        {
            // The real backoff (seconds) stays; the test only shortens it.
            s.Configure<HttpStandardResilienceOptions>("UshahidiPoller-standard", o => o.Retry.Delay = TimeSpan.FromMilliseconds(10));
        });
        await App.PutRivertonAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Deployment.DisposeAsync();
    }

    [Theory]
    [InlineData("v5")]
    [InlineData("v3")]
    public async Task NewPostsArePolledPageByPageFromTheCursor(string version)
    {
        await PutSourceAsync(version);
        Deployment.Posts.AddRange(Enumerable.Range(1, 150));

        var first = await PollAsync();
        Deployment.Posts.AddRange([151, 152]);
        var second = await PollAsync();
        var third = await PollAsync();

        Assert.Equal(150, first["processed"]!.GetValue<int>());
        Assert.Equal(2, second["processed"]!.GetValue<int>());
        Assert.Equal(0, third["processed"]!.GetValue<int>());
        var records = (await JsonOf(await App.Admin().GetAsync("/open311/manage/intake?source=crisis&take=1000"))).AsArray();
        Assert.Equal(152, records.Count);
        Assert.All(records, r => Assert.Equal("created", r!["outcome"]!.GetValue<string>()));
        Assert.Equal(152, records.Select(r => r!["service_request_id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(records, r => Assert.Equal("pothole", r!["service_code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task V3EditsAreReadByUpdatedAfterAndChangeOnlyTheRecord()
    {
        await PutSourceAsync("v3");
        Deployment.Posts.AddRange([1, 2, 3]);
        await PollAsync();
        var before = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:2"));

        Deployment.Edited[2] = DateTimeOffset.UtcNow.AddMinutes(1);
        var poll = await PollAsync();

        var after = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:2"));
        Assert.Equal(1, poll["processed"]!.GetValue<int>());
        Assert.Equal("Pothole report 2 (edited)", after["title"]!.GetValue<string>());
        Assert.Equal(2, after["deliveries"]!.GetValue<int>());
        Assert.Equal(before["service_request_id"]!.GetValue<string>(), after["service_request_id"]!.GetValue<string>());
        Assert.Contains(Deployment.Requests, r => r.Contains("updated_after=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PhotosAreCopiedSoTheyOutliveTheDeployment()
    {
        await PutSourceAsync("v5");
        Deployment.Posts.Add(1);

        await PollAsync();

        var record = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:1"));
        var request = await JsonOf(await App.Admin().GetAsync($"/open311/manage/requests/{record["service_request_id"]!.GetValue<string>()}"));
        var url = new Uri(request["media_url"]!.GetValue<string>());
        Assert.StartsWith($"{Open311App.PublicBase}/open311/media/src-crisis/", url.AbsoluteUri);
        Deployment.Failure = "503";
        Assert.Equal(FakeUshahidi.Png, await App.CreateClient().GetByteArrayAsync(url.PathAndQuery));
    }

    [Theory]
    [InlineData(FakeUshahidi.PlatformSecret, "done")]
    [InlineData("wrong-secret", "failed: the deployment answered 403")]
    public async Task TheDeploymentIsToldTheRequestIdWhenTheSourceAsks(string secret, string outcome)
    {
        await PutSourceAsync("v5", new JsonObject { ["api_key"] = "deployment-api-key", ["shared_secret"] = secret, ["field_key"] = "open311_id" });
        Deployment.Posts.Add(5);

        await PollAsync();

        var record = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:5"));
        Assert.Equal(outcome, record["write_back"]!.GetValue<string>());
        if (outcome == "done")
        {
            var written = JsonNode.Parse(Deployment.WrittenBack[5])!;
            Assert.Equal($"311 request {record["service_request_id"]!.GetValue<string>()}: open", written["values"]!["open311_id"]![0]!.GetValue<string>());
        }

        var source = await JsonOf(await App.Admin().GetAsync("/open311/manage/sources/crisis"));
        Assert.Equal("(hidden)", source["write_back"]!["shared_secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task APostAlreadyDeliveredByWebhookIsNotCreatedTwice()
    {
        await PutSourceAsync("v5");
        const string body = """{"id":7,"form_id":3,"title":"Pothole report 7","content":"Deep pothole near the school","values":{"b3d1":[{"lon":-72.57,"lat":44.2}]},"tags":[12],"created":1763632800}""";
        using var webhook = new HttpRequestMessage(HttpMethod.Post, "/open311/connectors/ushahidi/crisis/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        webhook.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute("s3cret", "https://hub.example.org/hook", Encoding.UTF8.GetBytes(body)));
        var viaWebhook = (await JsonOf(await App.CreateClient().SendAsync(webhook)))[0]!;
        Deployment.Posts.Add(7);

        await PollAsync();

        var record = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:7"));
        Assert.Equal(viaWebhook["service_request_id"]!.GetValue<string>(), record["service_request_id"]!.GetValue<string>());
        Assert.Equal(2, record["deliveries"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("429")]
    [InlineData("503")]
    [InlineData("html")]
    public async Task ABrokenDeploymentStopsThePollAndLosesNothing(string failure)
    {
        await PutSourceAsync("v5");
        Deployment.Posts.AddRange([1, 2, 3]);
        Deployment.Failure = failure;

        var broken = await PollAsync();
        Deployment.Failure = null;
        var recovered = await PollAsync();

        Assert.Equal(0, broken["processed"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(broken["stopped"]!.GetValue<string>()));
        Assert.Equal(3, recovered["processed"]!.GetValue<int>());
    }

    [Fact]
    public async Task AV3WalkLongerThanOneRunResumesWhereItStoppedAndSkipsNothing()
    {
        await using var app = new Open311App(azurite.ConnectionString, settings: Open311App.LoopbackAllowed, services: s => s.Configure<UshahidiPollOptions>(o => o.MaxPages = 2));
        await app.PutRivertonAsync();
        await PutSourceAsync("v3", app: app);
        Deployment.Posts.AddRange(Enumerable.Range(1, 350));

        var first = await PollAsync(app);
        Deployment.Posts.Add(351);
        var second = await PollAsync(app);
        var third = await PollAsync(app);

        // Run 1 walks 350…151 and stops; post 351 arrives and pushes the walk down one place, so run 2 reads 151…1
        // (151 again: deduped) and closes the walk; run 3 finds only 351.
        Assert.Equal([200, 151, 1], new[] { first, second, third }.Select(p => p["processed"]!.GetValue<int>()));
        var records = (await JsonOf(await app.Admin().GetAsync("/open311/manage/intake?source=crisis&take=1000"))).AsArray();
        Assert.Equal(351, records.Count);
        Assert.Equal(351, records.Select(r => r!["service_request_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Theory]
    [InlineData("v5")]
    [InlineData("v3")]
    public async Task LabelledSurveyFieldsReachTheDescriptionAndPhoneNumbersOnlyStaff(string version)
    {
        await PutSourceAsync(version);
        Deployment.Posts.Add(9);

        await PollAsync();

        var record = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:9"));
        var id = record["service_request_id"]!.GetValue<string>();
        var request = await App.CreateClient().GetStringAsync($"/open311/v2/requests/{id}.json");
        Assert.Contains("Detailed description: Two tyres burst here this week", request);
        Assert.DoesNotContain("555 0199", request);
        Assert.Contains("Phone number: +1 802 555 0199", record["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task APhotoIsFetchedOnceWhateverTheDeliveries()
    {
        await PutSourceAsync("v5");
        Deployment.Posts.Add(11);

        await PollAsync();
        await App.Services.GetRequiredService<Open311.Core.Intake.ISourceStore>().SaveCursorAsync("crisis", "0", CancellationToken.None);
        await PollAsync();

        var record = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:11"));
        Assert.Equal(2, record["deliveries"]!.GetValue<int>());
        Assert.Equal(1, Deployment.PhotoDownloads);
        Assert.Single(record["photos"]!.AsArray());
    }

    [Theory]
    [InlineData("v5")]
    [InlineData("v3")]
    public async Task APostWhoseOnlyPlaceIsItsLocationNameIsPlacedFromTheTownsAddressPoints(string version)
    {
        var town = new Open311.Testing.SyntheticTown(44.19, -72.59, streets: 3, avenues: 3);
        var imported = await App.Admin().PostAsync($"/open311/manage/jurisdictions/{Towns.Riverton}/addresses", new StringContent(town.ToCsv(), Encoding.UTF8, "text/csv"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        await PutSourceAsync(version);
        Deployment.Posts.Add(8);
        Deployment.WithoutPoint.Add(8);

        await PollAsync();

        var record = await JsonOf(await App.Admin().GetAsync("/open311/manage/intake/crisis:8"));
        Assert.True(record["outcome"]!.GetValue<string>() == "created", record.ToJsonString());
        Assert.Contains($"the address '{FakeUshahidi.PlaceName}'", record["reason"]!.GetValue<string>());
        var request = JsonNode.Parse(await App.CreateClient().GetStringAsync($"/open311/v2/requests/{record["service_request_id"]!.GetValue<string>()}.json"))![0]!;
        var truth = town.House("12", "Main St")!.Value;
        Assert.InRange(Open311.Core.Places.GeoDistance.Meters(request["lat"]!.GetValue<double>(), request["long"]!.GetValue<double>(), truth.Lat, truth.Long), 0, 2);
        Assert.Contains("Location name: 12 Main St", request["description"]!.GetValue<string>());
    }

    private async Task PutSourceAsync(string version, JsonObject? writeBack = null, Open311App? app = null)
    {
        var source = new JsonObject
        {
            ["write_back"] = writeBack,
            ["type"] = "ushahidi", ["deployment_url"] = Deployment.BaseUrl, ["api_version"] = version,
            ["webhook_url"] = "https://hub.example.org/hook", ["webhook_secret"] = "s3cret",
            ["category_map"] = new JsonObject { ["tag:12"] = "pothole" },
        };
        var response = await (app ?? App).Admin().PutAsync("/open311/manage/sources/crisis", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> PollAsync(Open311App? app = null)
    {
        var response = await (app ?? App).Admin().PostAsync("/open311/manage/sources/crisis/poll", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
