using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Open311.Client;
using Open311.Core.Forwarding;
using Open311.Core.Intake;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Forwarding;

/// <summary>
/// A hub (our server, forwarding) and a remote city (a second instance of our server, hosting Riverton) with a
/// <see cref="FaultProxy"/> between them on loopback. The hub runs on a fake clock that starts now, so a test can
/// make every retry due at once; the city keeps real time. The hub's Open311 client gives up after one second and
/// waits for nothing between its own retries.
/// </summary>
public sealed class ForwardingWorld : IAsyncDisposable
{
    public const string RemoteId = "riverton-remote";
    public const string SourceId = "crisis";

    private static readonly SourceSettings Source = new(SourceId, new Dictionary<string, string>(), "general_feedback", 1000);

    private ForwardingWorld(Open311App city, FaultProxy proxy, Open311App hub, FakeTimeProvider clock)
    {
        City = city;
        Proxy = proxy;
        Hub = hub;
        Clock = clock;
    }

    public Open311App City { get; }

    public FaultProxy Proxy { get; }

    public Open311App Hub { get; }

    public FakeTimeProvider Clock { get; }

    public IIntakeStore Records => Hub.Services.GetRequiredService<IIntakeStore>();

    public OutboxSweep Outbox => Hub.Services.GetRequiredService<OutboxSweep>();

    public ForwardingWorker Worker => Hub.Services.GetRequiredService<ForwardingWorker>();

    /// <param name="hostedJob">Runs the Kestrel host's own forwarding job (real waits) instead of leaving the outbox to the test.</param>
    public static async Task<ForwardingWorld> StartAsync(string connectionString, string format = "json", bool hostedJob = false)
    {
        var city = new Open311App(connectionString);
        var cityUrl = city.StartOnLoopback();
        await city.PutRivertonAsync();
        var apiKey = await city.IssueKeyAsync();
        var proxy = await FaultProxy.StartAsync(cityUrl);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var hub = new Open311App(connectionString, clock, Open311App.LoopbackAllowed, services => services.AddSingleton(new Open311ClientOptions
        {
            Timeout = TimeSpan.FromSeconds(1),
            Delay = (_, _) => Task.CompletedTask,
        }), forwardingJob: hostedJob);
        var remote = Towns.RivertonDocument();
        remote["name"] = "Riverton (remote)";
        remote["remote"] = new JsonObject { ["endpoint"] = $"{proxy.BaseUrl}/open311/v2", ["jurisdiction_id"] = Towns.Riverton, ["api_key"] = apiKey, ["format"] = format };
        var put = await hub.PutTownAsync(RemoteId, remote.ToJsonString());
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        return new ForwardingWorld(city, proxy, hub, clock);
    }

    /// <summary>A report inside Riverton, taken in by the hub's intake pipeline as a connector would hand it over.</summary>
    public async Task<IntakeRecord> ReportAsync(string externalId, string text, IReadOnlyList<string>? hints = null)
    {
        var report = new InboundReport
        {
            SourceId = SourceId,
            ExternalId = externalId,
            Title = text,
            Text = text,
            Lat = Towns.Lat,
            Long = Towns.Long,
            CategoryHints = hints ?? [],
            Contact = new Core.Requests.Requester("ada@example.org", "Ada", "Lovelace", null, null, null),
        };
        var record = await Hub.Services.GetRequiredService<IntakePipeline>().ProcessAsync(report, Source, null, CancellationToken.None);
        Assert.Equal(IntakeOutcome.Forwarded, record.Outcome);
        return record;
    }

    public async Task<IntakeRecord> RecordAsync(string externalId) =>
        (await Records.GetAsync(SourceId, externalId, CancellationToken.None))!;

    /// <summary>
    /// Lets the outbox run as its hosts would, minus the waiting: drain the queue, move the clock past any backoff,
    /// sweep; <paramref name="rounds"/> times.
    /// </summary>
    public async Task SettleAsync(int rounds = 10)
    {
        for (var round = 0; round < rounds; round++)
        {
            while (await Outbox.DrainAsync(16, CancellationToken.None) > 0)
            {
            }

            Clock.Advance(TimeSpan.FromHours(7));
            await Outbox.SweepAsync(CancellationToken.None);
        }
    }

    /// <summary>How many of the city's public requests of this service carry our reference line for the intake id.</summary>
    public async Task<int> CountAtCityAsync(string serviceCode, string intakeId)
    {
        using var client = City.CreateClient();
        var list = JsonNode.Parse(await client.GetStringAsync($"/open311/v2/requests.json?service_code={serviceCode}"))!.AsArray();
        return list.Count(r => r!["description"]?.GetValue<string>().EndsWith(EarlierDelivery.Reference(intakeId), StringComparison.Ordinal) == true);
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Proxy.DisposeAsync();
        await City.DisposeAsync();
    }
}
