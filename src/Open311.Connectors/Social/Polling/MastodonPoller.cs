using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// Reads a hashtag on one Mastodon instance: <c>GET {instance}/api/v1/timelines/tag/{hashtag}?min_id={cursor}&amp;limit=40</c>
/// (docs.joinmastodon.org/methods/timelines/#tag). <c>min_id</c> gives the statuses immediately above the cursor —
/// still newest first within the page (Mastodon's <c>Paginable</c> reads them ascending and reverses them) — so the
/// page's greatest id, which is also the <c>min_id</c> of its <c>Link rel="prev"</c>, is the next cursor; pages follow
/// until one is shorter than the limit. Ids are compared as numbers. The cursor is that status id, saved after every page.
/// <para>
/// A source's first run reads the newest page only and starts from its newest status, so a new source does not
/// flood the intake with the hashtag's history. Polling is anonymous (hashtag timelines are public unless the
/// instance turned public previews off; then it answers 401, and the run says so). <c>x-ratelimit-remaining: 0</c>
/// or a 429 ends the run naming <c>x-ratelimit-reset</c> (an ISO time; 300 requests per 5 minutes by default).
/// </para>
/// </summary>
public sealed partial class MastodonPoller(HttpClient http, ISocialReports reports, IOptions<SocialPollOptions> options, TimeProvider time, ILogger<MastodonPoller> logger)
{
    public Task<PollResult> PollAsync(SocialSettings settings, PollContext context, CancellationToken cancellationToken) =>
        SocialRun.RunAsync("Mastodon", context, logger, count => RunAsync(settings, context, count, cancellationToken), cancellationToken);

    private async Task<string?> RunAsync(SocialSettings settings, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(options.Value.MastodonPageSize, 1, 40);
        var instance = settings.Instance!.Trim().TrimEnd('/');
        var hashtag = settings.Hashtag!.Trim().TrimStart('#');
        var tag = Uri.EscapeDataString(hashtag);
        var what = $"{instance} (hashtag timeline #{hashtag})";
        var saved = await context.GetCursorAsync(cancellationToken);
        var cursor = SnowflakeIds.IsId(saved) ? saved : null;
        if (saved is not null && cursor is null)
        {
            logger.LogWarning("Polling {Source}: the cursor {Cursor} is not a status id; starting from the newest page", context.SourceId, saved);
        }

        var first = cursor is null;
        for (var page = 0; page < Math.Max(1, options.Value.MaxPages); page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{instance}/api/v1/timelines/tag/{tag}?limit={limit}{(cursor is null ? string.Empty : $"&min_id={cursor}")}");
            var answer = await SocialHttp.SendAsync(http, request, what, options.Value.Timeout, time, cancellationToken);
            var ids = StatusIds(answer.Body, what);
            var newest = SnowflakeIds.Max([.. ids, PrevMinId(answer.Link)]);
            if (ids.Count > 0)
            {
                count(await SocialRun.AcceptAsync(SocialPayloads.Read(answer.Body, settings).Posts, reports, settings, context, cancellationToken));
            }

            // An instance that ignored min_id would answer the same page again: no progress ends the run.
            var moved = newest is not null && (cursor is null || SnowflakeIds.Compare(newest, cursor) > 0);
            if (moved)
            {
                cursor = newest!;
                await context.SaveCursorAsync(cursor, cancellationToken);
            }

            if (answer.Exhausted)
            {
                return SocialHttp.NoRequestsLeft(instance, answer.ResetAt);
            }

            // The first run reads the newest page only: a new source starts from now, not from the hashtag's history.
            if (first || !moved || ids.Count < limit)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The top-level ids of a timeline page (a boost's own id, not the boosted status's): what min_id pages by.</summary>
    private static List<string?> StatusIds(byte[] body, string what)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{what} answered JSON that is not a list of statuses");
        }

        return [.. document.RootElement.EnumerateArray()
            .Select(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)];
    }

    /// <summary>The <c>min_id</c> of <c>Link: &lt;…?min_id=…&gt;; rel="prev"</c>: Mastodon's own pointer to the page's newest status.</summary>
    private static string? PrevMinId(string? link) =>
        link is null ? null : PrevLink().Match(link) is { Success: true } m ? m.Groups["id"].Value : null;

    [GeneratedRegex("""<[^>]*[?&]min_id=(?<id>[0-9]+)[^>]*>\s*;\s*rel="?prev"?""", RegexOptions.CultureInvariant)]
    private static partial Regex PrevLink();
}
