using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// Reads a Bluesky search with the source's account: a session from <see cref="BlueskySessions"/> (kept between runs:
/// sign-ins are scarce), then <c>GET {service}/xrpc/app.bsky.feed.searchPosts?q=…&amp;tag=…&amp;sort=latest&amp;since=…&amp;limit=100</c>
/// with <c>Authorization: Bearer {accessJwt}</c> (unauthenticated search is refused since 2025). Results come newest
/// first and are filtered on <c>sortAt</c>, the earlier of a post's <c>createdAt</c> and when it was indexed; the
/// response <c>cursor</c> walks down to <c>since</c>. The poller's own cursor (<see cref="BlueskyCursor"/>) keeps the
/// newest <c>sortAt</c> read and the posts read inside an overlap below it, so a late-indexed post is still found and
/// none is handed over twice; a walk cut short is resumed with <c>until</c>. A source's first run reads the newest page
/// only. A refused app password, a 429 (its <c>ratelimit-reset</c> is epoch seconds) or <c>ratelimit-remaining: 0</c>
/// ends the run with the reason.
/// </summary>
public sealed class BlueskyPoller(HttpClient http, BlueskySessions sessions, ISocialReports reports, IOptions<SocialPollOptions> options, ILogger<BlueskyPoller> logger)
{
    public Task<PollResult> PollAsync(SocialSettings settings, PollContext context, CancellationToken cancellationToken) =>
        SocialRun.RunAsync("Bluesky", context, logger, count => RunAsync(settings, context, count, cancellationToken), cancellationToken);

    private async Task<string?> RunAsync(SocialSettings settings, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var limit = Math.Clamp(o.BlueskyPageSize, 1, 100);
        var service = BlueskySessions.Service(settings);
        var cursor = BlueskyCursor.Parse(await context.GetCursorAsync(cancellationToken));
        var first = cursor.Since is null && cursor.WalkUntil is null;
        var since = cursor.Since - o.BlueskyOverlap;

        // A resumed walk keeps one until for the whole run: the search's own cursor pages within the same query.
        var until = cursor.WalkUntil;
        var top = cursor.WalkTop;
        DateTimeOffset? oldest = null;
        string? token = null;
        for (var page = 0; page < Math.Max(1, o.MaxPages); page++)
        {
            var url = SearchUrl(service, settings, limit, since, until, token);
            var answer = await sessions.SendAsync(http, settings, _ => new HttpRequestMessage(HttpMethod.Get, url), $"{service} (search)", o.Timeout, cancellationToken);
            var read = Page(answer.Body, service);
            var fresh = read.Posts.Where(p => !cursor.Seen.ContainsKey(p.Uri)).ToList();
            if (fresh.Count > 0)
            {
                // A post the reader names otherwise than by the page's uris is handed over rather than dropped (the intake dedupes).
                var uris = fresh.Select(p => p.Uri).ToHashSet(StringComparer.Ordinal);
                var posts = SocialPayloads.Read(answer.Body, settings).Posts.Where(p => uris.Contains(p.Id) || !read.Uris.Contains(p.Id));
                count(await SocialRun.AcceptAsync(posts, reports, settings, context, cancellationToken));
            }

            var seen = new Dictionary<string, DateTimeOffset>(cursor.Seen, StringComparer.Ordinal);
            foreach (var (uri, sortAt) in fresh)
            {
                if (sortAt is { } at)
                {
                    seen[uri] = at;
                }
            }

            foreach (var at in read.Posts.Select(p => p.SortAt).OfType<DateTimeOffset>())
            {
                top = top is null || at > top ? at : top;
                oldest = oldest is null || at < oldest ? at : oldest;
            }

            // The walk is over when the search has no further page, or reaches below the window (a service that ignored since).
            var more = !first && read.Cursor is not null && read.Posts.Count > 0 && oldest is { } low && (since is null || low >= since);
            var done = Later(cursor.Since, top);
            cursor = more
                ? (cursor with { Seen = seen, WalkTop = top, WalkUntil = oldest!.Value.AddMilliseconds(1) }).Pruned(since)
                : new BlueskyCursor(done, seen).Pruned(done - o.BlueskyOverlap);
            if (cursor.Since is not null || cursor.WalkUntil is not null)
            {
                await context.SaveCursorAsync(cursor.ToString(), cancellationToken);
            }

            if (answer.Exhausted)
            {
                return SocialHttp.NoRequestsLeft(service, answer.ResetAt);
            }

            if (!more)
            {
                return null;
            }

            token = read.Cursor;
        }

        return null;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string SearchUrl(string service, SocialSettings settings, int limit, DateTimeOffset? since, DateTimeOffset? until, string? token)
    {
        var tag = string.IsNullOrWhiteSpace(settings.Hashtag) ? null : settings.Hashtag.Trim().TrimStart('#');
        var q = string.IsNullOrWhiteSpace(settings.Query) ? $"#{tag}" : settings.Query.Trim();
        return $"{service}/xrpc/app.bsky.feed.searchPosts?q={Uri.EscapeDataString(q)}"
            + (tag is null ? string.Empty : $"&tag={Uri.EscapeDataString(tag)}")
            + $"&sort=latest&limit={limit}"
            + (since is { } s ? $"&since={Uri.EscapeDataString(BlueskyCursor.Format(s))}" : string.Empty)
            + (until is { } u ? $"&until={Uri.EscapeDataString(BlueskyCursor.Format(u))}" : string.Empty)
            + (token is null ? string.Empty : $"&cursor={Uri.EscapeDataString(token)}");
    }

    /// <summary>
    /// The page's uris with their <c>sortAt</c> (the earlier of <c>indexedAt</c> and the record's <c>createdAt</c>,
    /// as the search filters) and its cursor: read here, so paging does not depend on the post reader.
    /// </summary>
    private static (List<(string Uri, DateTimeOffset? SortAt)> Posts, HashSet<string> Uris, string? Cursor) Page(byte[] body, string service)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("posts", out var posts) || posts.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{service} answered the search without a posts list");
        }

        var list = posts.EnumerateArray()
            .Select(p => (Uri: Text(p, "uri"), SortAt: SortAt(p)))
            .Where(p => p.Uri is not null)
            .Select(p => (Uri: p.Uri!, p.SortAt))
            .ToList();
        return (list, list.Select(p => p.Uri).ToHashSet(StringComparer.Ordinal), Text(root, "cursor") is { Length: > 0 } c ? c : null);
    }

    private static DateTimeOffset? SortAt(JsonElement post)
    {
        var indexed = BlueskyCursor.Time(Text(post, "indexedAt"));
        var created = post.ValueKind == JsonValueKind.Object && post.TryGetProperty("record", out var record) ? BlueskyCursor.Time(Text(record, "createdAt")) : null;
        return indexed is null ? created : created is null ? indexed : created < indexed ? created : indexed;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
