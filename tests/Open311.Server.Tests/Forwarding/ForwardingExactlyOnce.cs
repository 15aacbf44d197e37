using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Forwarding;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Forwarding;

/// <summary>
/// Reports for a remote city reach it exactly once through every fault the proxy can play, and what cannot be
/// delivered waits in the dead-letter list with its reason. The city is a second instance of our own server.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForwardingExactlyOnce(AzuriteFixture azurite)
{
    private const string Post = "POST /open311/v2/requests";

    private static readonly string[] EveryFault = [FaultProxy.Drop, FaultProxy.LostAnswer, FaultProxy.ServerError, FaultProxy.TooMany, FaultProxy.HtmlPage, FaultProxy.LostAnswer, FaultProxy.Drop];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryReportArrivesOnceThroughDropsLostAnswersErrorsAndThrottling(bool cityCannotDedupe)
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        world.Proxy.HideExternalIdAttribute = cityCannotDedupe;
        world.Proxy.Fail(Post, EveryFault);
        var ids = Enumerable.Range(1, 6).Select(i => $"f{i}").ToList();
        foreach (var id in ids)
        {
            await world.ReportAsync(id, $"Broken sidewalk number {id} on Main Street");
        }

        await world.SettleAsync();

        foreach (var id in ids)
        {
            var record = await world.RecordAsync(id);
            Assert.True(record.Delivery!.State == DeliveryState.Delivered, $"{id}: {record.Delivery.State} — {record.Delivery.Reason}");
            Assert.NotNull(record.Delivery.RemoteRequestId);
            Assert.Equal(1, await world.CountAtCityAsync("sidewalk", record.IntakeId));
        }

        // Every fault was played, and each cost one more POST — except a lost answer at a city that cannot dedupe,
        // which is found in the city's list instead of being sent again.
        Assert.Equal(0, world.Proxy.PendingFaults);
        Assert.Equal(ids.Count + EveryFault.Length - (cityCannotDedupe ? 2 : 0), world.Proxy.Seen.Count(s => s.StartsWith(Post, StringComparison.Ordinal)));
        Assert.Empty(await world.Records.ListByDeliveryAsync(DeliveryState.Dead, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ALostAnswerIsReconciledFromTheCitysListWhenItCannotDedupe()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        world.Proxy.HideExternalIdAttribute = true;
        world.Proxy.Fail(Post, FaultProxy.LostAnswer);
        var record = await world.ReportAsync("lost", "Broken sidewalk by the school");

        var first = await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "lost", CancellationToken.None);
        Assert.Equal(DeliveryState.Failed, first!.Delivery!.State);
        Assert.Equal(1, await world.CountAtCityAsync("sidewalk", record.IntakeId));
        world.Clock.Advance(TimeSpan.FromHours(1));
        var second = await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "lost", CancellationToken.None);

        Assert.Equal(DeliveryState.Delivered, second!.Delivery!.State);
        Assert.Contains("earlier try", second.Delivery.Reason);
        Assert.Equal(2, second.Delivery.Attempts);
        Assert.Equal(1, await world.CountAtCityAsync("sidewalk", record.IntakeId));
        Assert.Single(world.Proxy.Seen, s => s.StartsWith(Post, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoWorkersOnOneRecordSendItOnce()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        world.Proxy.HideExternalIdAttribute = true;
        var record = await world.ReportAsync("race", "Broken sidewalk at the bridge");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.Worker.DeliverAsync(ForwardingWorld.SourceId, "race", CancellationToken.None)));

        Assert.Equal(DeliveryState.Delivered, (await world.RecordAsync("race")).Delivery!.State);
        Assert.Equal(1, await world.CountAtCityAsync("sidewalk", record.IntakeId));
        Assert.Single(world.Proxy.Seen, s => s.StartsWith(Post, StringComparison.Ordinal));
        Assert.Contains(results, r => r!.Delivery!.State == DeliveryState.Delivered);
    }

    [Fact]
    public async Task ABatchServicesTokenIsFollowedToTheCitysId()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        await world.ReportAsync("snow", "Snow and ice on the hill, needs a plow");

        var first = await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "snow", CancellationToken.None);
        Assert.Equal((DeliveryState.WaitingForToken, null), (first!.Delivery!.State, first.Delivery.RemoteRequestId));
        Assert.NotNull(first.Delivery.Token);
        await world.SettleAsync(rounds: 1);

        var delivered = await world.RecordAsync("snow");
        Assert.Equal(DeliveryState.Delivered, delivered.Delivery!.State);
        Assert.False(string.IsNullOrEmpty(delivered.Delivery.RemoteRequestId));
        Assert.Contains(world.Proxy.Seen, s => s.StartsWith($"GET /open311/v2/tokens/{first.Delivery.Token}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABlackboxServiceIsDeliveredWithoutAnId()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        await world.ReportAsync("bb", "Some feedback about the town");

        var record = await world.Worker.DeliverAsync(ForwardingWorld.SourceId, "bb", CancellationToken.None);

        Assert.Equal((DeliveryState.Delivered, null), (record!.Delivery!.State, record.Delivery.RemoteRequestId));
        Assert.Contains("blackbox", record.Delivery.Reason);
    }

    [Fact]
    public async Task OnlyTheTrulyUndeliverableIsDeadEachWithItsReasonAndStaffCanReplayIt()
    {
        // The city's pothole service requires a size, which a forwarded report does not have and we will not invent:
        // the city answers 400, which no retry mends.
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);
        world.Proxy.Fail(Post, FaultProxy.ServerError, FaultProxy.HtmlPage);
        world.Proxy.FailWhenBodyContains(EarlierDelivery.Reference("crisis:down"), Enumerable.Repeat(FaultProxy.ServerError, ForwardingWorker.MaxAttempts).ToArray());
        await world.ReportAsync("pothole", "A deep pothole on Main Street");
        await world.ReportAsync("fine", "Broken sidewalk near the school");
        await world.ReportAsync("down", "Broken sidewalk that meets a city that is down");

        await world.SettleAsync(rounds: ForwardingWorker.MaxAttempts + 2);

        var dead = (await JsonOf(await world.Hub.Admin().GetAsync("/open311/manage/outbox?state=dead"))).AsArray();
        var reasons = dead.ToDictionary(d => d!["external_id"]!.GetValue<string>(), d => d!["delivery"]!["reason"]!.GetValue<string>());
        Assert.Equal(["down", "pothole"], reasons.Keys.Order());
        Assert.StartsWith("the city refused it: size required", reasons["pothole"]);
        Assert.StartsWith($"still failing after {ForwardingWorker.MaxAttempts} attempts", reasons["down"]);
        Assert.Equal(DeliveryState.Delivered, (await world.RecordAsync("fine")).Delivery!.State);
        Assert.DoesNotContain(dead, d => d!.ToJsonString().Contains("api_key", StringComparison.Ordinal));

        var retried = await world.Hub.Admin().PostAsync("/open311/manage/outbox/crisis:down/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await world.SettleAsync(rounds: 1);
        var replayed = await world.RecordAsync("down");
        Assert.Equal(DeliveryState.Delivered, replayed.Delivery!.State);
        Assert.Equal(1, await world.CountAtCityAsync("sidewalk", replayed.IntakeId));
        Assert.Equal(HttpStatusCode.Conflict, (await world.Hub.Admin().PostAsync("/open311/manage/outbox/crisis:down/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Hub.Admin().PostAsync("/open311/manage/outbox/crisis:nothing/retry", null)).StatusCode);
    }

    [Fact]
    public async Task TheKestrelHostsOwnJobDeliversToAnXmlCity()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString, format: "xml", hostedJob: true);
        world.Proxy.Fail(Post, FaultProxy.TooMany);
        var record = await world.ReportAsync("hosted", "Broken sidewalk by the library");

        // The job drains the queue every few seconds; this waits for it, with a generous bound (shared machines).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await world.RecordAsync("hosted")).Delivery!.State != DeliveryState.Delivered && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(DeliveryState.Delivered, (await world.RecordAsync("hosted")).Delivery!.State);
        Assert.Equal(1, await world.CountAtCityAsync("sidewalk", record.IntakeId));
        Assert.Contains(world.Proxy.Seen, s => s.StartsWith("GET /open311/v2/services/sidewalk.xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACityOnAnAddressTheGuardRefusesIsDeadAtOnceAndNeverReached()
    {
        await using var inside = new Open311.Testing.LoopbackHttpServer(IPAddress.Parse("127.0.0.2"));
        await using var hub = new Open311App(azurite.ConnectionString, settings: Open311App.LoopbackAllowed);
        var remote = Towns.RivertonDocument();
        remote["remote"] = new JsonObject { ["endpoint"] = $"http://127.0.0.2:{inside.Port}/open311/v2", ["jurisdiction_id"] = Towns.Riverton };
        Assert.True((await hub.PutTownAsync("inside", remote.ToJsonString())).IsSuccessStatusCode);
        var report = new Open311.Core.Intake.InboundReport { SourceId = "crisis", ExternalId = "in1", Text = "Broken sidewalk", Lat = Towns.Lat, Long = Towns.Long };
        await hub.Services.GetRequiredService<Open311.Core.Intake.IntakePipeline>().ProcessAsync(report, new("crisis", new Dictionary<string, string>(), null, 1000), null, CancellationToken.None);

        var record = await hub.Services.GetRequiredService<ForwardingWorker>().DeliverAsync("crisis", "in1", CancellationToken.None);

        Assert.Equal((DeliveryState.Dead, 1), (record!.Delivery!.State, record.Delivery.Attempts));
        Assert.StartsWith("Not fetched: 127.0.0.2 is a loopback address", record.Delivery.Reason);
        Assert.Equal(0, inside.Connections);
    }

    [Fact]
    public async Task TheOutboxListNeedsTheAdminKeyAndAKnownState()
    {
        await using var world = await ForwardingWorld.StartAsync(azurite.ConnectionString);

        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Hub.CreateClient().GetAsync("/open311/manage/outbox?state=dead")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Hub.Admin().GetAsync("/open311/manage/outbox?state=lost")).StatusCode);
    }

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }
}
