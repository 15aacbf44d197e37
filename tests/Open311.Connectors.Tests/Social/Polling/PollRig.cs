using Microsoft.Extensions.Logging.Abstractions;
using Open311.Connectors.Social;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Outbound;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// What a poll test needs: the pollers built as the app builds them (each client ending in the guard, loopback
/// allowed as a town would allow its own network), a source store in memory, and the reports handed to the intake.
/// </summary>
public sealed class PollRig
{
    public const string SourceId = "riverton-social";

    public MemorySourceStore Store { get; } = new();

    public List<InboundReport> Accepted { get; } = [];

    public SocialPollOptions Options { get; } = new();

    public BlueskySessions Sessions { get; } = new(TimeProvider.System, NullLogger<BlueskySessions>.Instance);

    public IReadOnlyList<string> AcceptedIds => [.. Accepted.Select(r => r.ExternalId)];

    public static HttpClient Guarded() => new(new GuardedHttpHandler(new OutboundOptions { AllowedNetworks = "127.0.0.1/32" }));

    public static SourceDocument Source(string json)
    {
        var source = DocumentJson.Read<SourceDocument>(json, out var error);
        Assert.Null(error);
        return source;
    }

    public SocialPoller Poller()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var reports = new TextOnlyReports();
        return new SocialPoller(
            new MastodonPoller(Guarded(), reports, options, TimeProvider.System, NullLogger<MastodonPoller>.Instance),
            new XPoller(Guarded(), reports, options, TimeProvider.System, NullLogger<XPoller>.Instance),
            new BlueskyPoller(Guarded(), Sessions, reports, options, NullLogger<BlueskyPoller>.Instance),

            // The rig's sources never ask for a place, so the answers reader returns before it reads any record.
            new ThreadAnswers(Guarded(), Sessions, reports, null!, options, TimeProvider.System, NullLogger<ThreadAnswers>.Instance));
    }

    public Task<PollResult> PollAsync(SourceDocument source) => Poller().PollAsync(source, Context(), CancellationToken.None);

    public PollContext Context() => new(SourceId, Store, (report, _) =>
    {
        Accepted.Add(report);
        return Task.FromResult(new IntakeRecord
        {
            IntakeId = $"{report.SourceId}:{report.ExternalId}",
            SourceId = report.SourceId,
            ExternalId = report.ExternalId,
            Outcome = "created",
            Reason = "accepted by the test",
            FirstSeenAt = DateTimeOffset.UnixEpoch,
            LastSeenAt = DateTimeOffset.UnixEpoch,
        });
    });

    /// <summary>Puts a cursor in place as an earlier run would have left it (not counted as a save of this run).</summary>
    public async Task StartFromAsync(string cursor)
    {
        await Store.SaveCursorAsync(SourceId, cursor, CancellationToken.None);
        Store.Saved.Clear();
    }

    public Task<string?> CursorAsync() => Store.GetCursorAsync(SourceId, CancellationToken.None);
}
