using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// Reads the authors' answers to our place questions. An answer is a reply in the report's thread — on Mastodon a
/// direct one, which no hashtag timeline shows — so after the network's own poll each report of the source still
/// waiting for its place (asked, <c>needs_location</c>, at most <see cref="AnswerWindow"/> old) has its thread read:
/// Mastodon <c>GET /api/v1/statuses/{id}/context</c> with the posting token, Bluesky <c>app.bsky.feed.getPostThread</c>.
/// The author's own replies go to the intake as replies to the report, which the pipeline reads as the report's place.
/// </summary>
public sealed class ThreadAnswers(HttpClient http, BlueskySessions sessions, ISocialReports reports, IIntakeStore records, IOptions<SocialPollOptions> options, TimeProvider time, ILogger<ThreadAnswers> logger)
{
    /// <summary>Reports whose threads are read per run: the newest waiting ones.</summary>
    public const int MaxWaiting = 50;

    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(14);

    /// <summary>Hands every answer found to the intake; returns how many. A thread that cannot be read is skipped until the next run.</summary>
    public async Task<int> ReadAsync(SocialSettings settings, PollContext context, CancellationToken cancellationToken)
    {
        if (!settings.AskForPlace || settings.Network?.Trim().ToLowerInvariant() is not ("mastodon" or "bluesky"))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var waiting = (await records.ListAsync(context.SourceId, IntakeOutcome.NeedsLocation, MaxWaiting, cancellationToken))
            .Where(r => r.WriteBack?.StartsWith("asked", StringComparison.Ordinal) == true && now - r.FirstSeenAt < AnswerWindow && r.Report?.Contact.AccountId is not null)
            .ToList();
        var handed = 0;
        foreach (var record in waiting)
        {
            IReadOnlyList<SocialPost> thread;
            try
            {
                thread = await ThreadAsync(settings, record.ExternalId, cancellationToken);
            }
            catch (Exception ex) when (ex is SocialAnswerException or FormatException or TimeoutException or HttpRequestException or JsonException)
            {
                logger.LogWarning("The thread of {IntakeId} could not be read this run: {Reason}", record.IntakeId, ex.Message);
                continue;
            }

            var author = record.Report!.Contact.AccountId;
            foreach (var post in thread.Where(p => p.Id != record.ExternalId && p.RepostOf is null && "@" + p.AuthorHandle == author))
            {
                await context.AcceptAsync(reports.ToReport(context.SourceId, post, settings) with { ReplyTo = record.ExternalId }, cancellationToken);
                handed++;
            }
        }

        return handed;
    }

    private async Task<IReadOnlyList<SocialPost>> ThreadAsync(SocialSettings settings, string id, CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        if (settings.Network!.Trim().Equals("bluesky", StringComparison.OrdinalIgnoreCase))
        {
            var answer = await sessions.SendAsync(
                http,
                settings,
                _ => new HttpRequestMessage(HttpMethod.Get, $"{BlueskySessions.Service(settings)}/xrpc/app.bsky.feed.getPostThread?uri={Uri.EscapeDataString(id)}&depth=6&parentHeight=0"),
                "Bluesky (thread)",
                timeout,
                cancellationToken);
            return SocialPayloads.Read(answer.Body, settings).Posts;
        }

        var instance = settings.Instance!.Trim().TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{instance}/api/v1/statuses/{Uri.EscapeDataString(id)}/context");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.PostingToken);
        var context = await SocialHttp.SendAsync(http, request, $"{instance} (thread)", timeout, time, cancellationToken);

        // The context is {ancestors, descendants}: the replies are the descendants, a timeline of statuses.
        using var document = JsonDocument.Parse(context.Body);
        return document.RootElement.TryGetProperty("descendants", out var descendants) && descendants.ValueKind == JsonValueKind.Array && descendants.GetArrayLength() > 0
            ? SocialPayloads.Read(JsonSerializer.SerializeToUtf8Bytes(descendants), settings).Posts
            : [];
    }
}
