using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Forwarding;
using Open311.Server.Tests.Connectors;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Forwarding;

/// <summary>
/// What the remote city does with a forwarded report comes back: to the intake record (a note per change) and to
/// the crisis map the report came from (its write-back field, on the stand-in deployment). The city is a second
/// instance of our server, read through its update feed or, where the proxy hides the feed, its requests by id.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatusComesBack(AzuriteFixture azurite)
{
    [Fact]
    public async Task EachChangeAtTheCityIsMirroredOnceAndReachesTheCrisisMap()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        await using var deployment = await FakeUshahidi.StartAsync();
        await PutCrisisSourceAsync(world, deployment);
        await world.ReportAsync("41", "Broken sidewalk outside the clinic");
        var delivered = await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "41", CancellationToken.None);
        var remoteId = delivered!.Delivery!.RemoteRequestId!;
        Assert.Equal($"311 request {remoteId}: open — Passed to {ForwardingWorld.RemoteId}, where it is request {remoteId}.", Written(deployment));

        await world.City.PatchRequestAsync(remoteId, """{"status":"in_progress","status_notes":"Crew booked"}""");
        var first = await Mirror(world);
        await world.City.PatchRequestAsync(remoteId, """{"status":"fixed","status_notes":"Slab replaced"}""");
        var second = await Mirror(world);
        var quiet = await Mirror(world);

        Assert.Equal((1, 1, 0), (first, second, quiet));
        var record = await world.RecordAsync("41");
        Assert.Equal(("fixed", "Slab replaced"), (record.Delivery!.RemoteStatus, record.Delivery.RemoteNotes));
        Assert.Equal(["Riverton (remote): in_progress", "Riverton (remote): fixed"], record.Notes.Where(n => n.Type == "remote").Select(n => n.Summary));
        Assert.Equal($"311 request {remoteId}: fixed — Slab replaced", Written(deployment));
        Assert.Contains(world.Proxy.Seen, s => s.StartsWith("GET /open311/v2/servicerequestupdates.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACityWithoutAnUpdateFeedIsReadByItsRequests()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString, format: "xml");
        await world.ReportAsync("42", "Broken sidewalk by the bakery");
        var remoteId = (await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "42", CancellationToken.None))!.Delivery!.RemoteRequestId!;
        await world.City.PatchRequestAsync(remoteId, """{"status":"closed","status_notes":"Not ours: private land"}""");
        world.Proxy.Fail("GET /open311/v2/servicerequestupdates", FaultProxy.NotFound);

        Assert.Equal(1, await Mirror(world));

        var record = await world.RecordAsync("42");
        Assert.Equal(("closed", "Not ours: private land"), (record.Delivery!.RemoteStatus, record.Delivery.RemoteNotes));
        Assert.Contains(world.Proxy.Seen, s => s.StartsWith("GET /open311/v2/requests.xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACityThatIsDownLeavesEveryRecordAsItWas()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        await world.ReportAsync("43", "Broken sidewalk near the bank");
        var remoteId = (await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "43", CancellationToken.None))!.Delivery!.RemoteRequestId!;
        await world.City.PatchRequestAsync(remoteId, """{"status":"fixed"}""");
        // Enough 500s for every try the client makes in one run.
        world.Proxy.Fail("GET /open311/v2/", Enumerable.Repeat(FaultProxy.ServerError, new Open311.Client.Open311ClientOptions().MaxAttempts).ToArray());

        Assert.Equal(0, await Mirror(world));
        Assert.Equal("open", (await world.RecordAsync("43")).Delivery!.RemoteStatus);
        Assert.Equal(1, await Mirror(world));
        Assert.Equal("fixed", (await world.RecordAsync("43")).Delivery!.RemoteStatus);
    }

    private static Task<int> Mirror(ForwardingWorld world) =>
        world.Hub.Services.GetRequiredService<StatusMirror>().MirrorAsync(CancellationToken.None);

    private static string Written(FakeUshahidi deployment) =>
        JsonNode.Parse(deployment.WrittenBack[41])!["values"]!["open311_id"]![0]!.GetValue<string>();

    private static async Task PutCrisisSourceAsync(ForwardingWorld world, FakeUshahidi deployment)
    {
        var source = new JsonObject
        {
            ["type"] = "ushahidi", ["deployment_url"] = deployment.BaseUrl, ["api_version"] = "v5",
            ["webhook_url"] = "https://hub.example.org/hook", ["webhook_secret"] = "s3cret",
            ["write_back"] = new JsonObject { ["api_key"] = "deployment-api-key", ["shared_secret"] = FakeUshahidi.PlatformSecret, ["field_key"] = "open311_id" },
        };
        var saved = await world.Hub.Admin().PutAsync($"/open311/manage/sources/{ForwardingWorld.SourceId}", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
