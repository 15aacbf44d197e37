using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;
using Open311.Core.Outbound;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// The backstop for webhooks (which Ushahidi sends without retry): reads the posts a deployment has made since the
/// last poll and hands each to the intake. The cursor is saved after every page, so a failure loses no progress.
/// v5 asks for <c>created_after_by_id</c>, oldest first. v3 has no id filter, so it walks newest first down to the
/// cursor; a walk longer than a run's pages (<see cref="UshahidiPollOptions"/>) stops and the next run resumes it where it stopped. A deployment
/// that answers 429, 5xx, HTML or nothing ends the run for that source; the next run starts from the same cursor.
/// </summary>
public sealed class UshahidiPoller(HttpClient http, UshahidiReports reports, IOptions<UshahidiPollOptions> options, TimeProvider time, ILogger<UshahidiPoller> logger) : ISourcePoller
{
    private int PageSize => options.Value.PageSize;

    private int MaxPages => options.Value.MaxPages;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A page of 100 posts is a few hundred kilobytes; a deployment that sends more is cut off.</summary>
    public const int MaxPageBytes = 8 * 1024 * 1024;

    public bool Polls(SourceDocument source) => source.ConnectorSettings<UshahidiSettings>(out var error) is { Deployment: not null } && error is null;

    public async Task<PollResult> PollAsync(SourceDocument source, PollContext context, CancellationToken cancellationToken)
    {
        var settings = source.ConnectorSettings<UshahidiSettings>(out _);
        var deployment = settings.Deployment!;
        var cursor = PollCursor.Parse(await context.GetCursorAsync(cancellationToken));
        var processed = 0;
        try
        {
            if (settings.Api == "v5")
            {
                cursor = await PollV5Async(deployment, settings, cursor, context, n => processed += n, cancellationToken);
            }
            else
            {
                cursor = await WalkV3Async(deployment, settings, cursor, context, n => processed += n, cancellationToken);

                // v5's updated_after is broken upstream (strtotime applied twice), so only v3 reads edits; v5 edits come by webhook.
                await ReadV3EditsAsync(deployment, settings, cursor, context, n => processed += n, cancellationToken);
            }

            logger.LogInformation("Polled {Source}: {Processed} posts, cursor {Cursor}", context.SourceId, processed, cursor);
            return new PollResult(processed, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Polling {Source} stopped after {Processed} posts: {Reason}", context.SourceId, processed, ex.Message);
            return new PollResult(processed, ex.Message);
        }
    }

    /// <summary>v5: every post with an id above the cursor, oldest first, page by page.</summary>
    private async Task<PollCursor> PollV5Async(string deployment, UshahidiSettings settings, PollCursor cursor, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        for (var page = 1; page <= MaxPages; page++)
        {
            var results = await GetResultsAsync($"{deployment}/api/v5/posts?created_after_by_id={cursor.LastId}&orderby=id&order=asc&limit={PageSize}&page=1", cancellationToken);
            count(await AcceptAsync(results, settings, context, cancellationToken));
            cursor = cursor with { LastId = Math.Max(cursor.LastId, results.Select(Id).DefaultIfEmpty(0).Max()) };
            await context.SaveCursorAsync(cursor.ToString(), cancellationToken);
            if (results.Count < PageSize)
            {
                break;
            }
        }

        return cursor;
    }

    /// <summary>v3: newest first, from where the last walk stopped, down to the posts already done.</summary>
    private async Task<PollCursor> WalkV3Async(string deployment, UshahidiSettings settings, PollCursor cursor, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        for (var page = 0; page < MaxPages; page++)
        {
            var results = await GetResultsAsync($"{deployment}/api/v3/posts?orderby=id&order=desc&limit={PageSize}&offset={cursor.WalkOffset}", cancellationToken);
            var top = cursor.WalkTop ?? results.Select(Id).DefaultIfEmpty(cursor.LastId).Max();
            var fresh = results.Where(p => Id(p) > cursor.LastId && Id(p) <= top).ToList();
            count(await AcceptAsync(fresh, settings, context, cancellationToken));

            // New posts arriving during a walk push older ones to higher offsets: a resumed walk reads some twice (deduped), never skips.
            var done = results.Count < PageSize || results.Any(p => Id(p) <= cursor.LastId);
            cursor = done
                ? cursor with { LastId = Math.Max(cursor.LastId, top), WalkTop = null, WalkOffset = 0 }
                : cursor with { WalkTop = top, WalkOffset = cursor.WalkOffset + PageSize };
            await context.SaveCursorAsync(cursor.ToString(), cancellationToken);
            if (done)
            {
                break;
            }
        }

        return cursor;
    }

    /// <summary>v3 edits: posts updated since the cursor time, oldest edit first (the boundary post comes again: deduped).</summary>
    private async Task ReadV3EditsAsync(string deployment, UshahidiSettings settings, PollCursor cursor, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        var since = cursor.UpdatedSince ?? time.GetUtcNow();
        var after = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        for (var page = 0; page < MaxPages; page++)
        {
            var results = await GetResultsAsync($"{deployment}/api/v3/posts?updated_after={after}&orderby=updated&order=asc&limit={PageSize}&offset={page * PageSize}", cancellationToken);
            count(await AcceptAsync(results, settings, context, cancellationToken));
            since = results.Select(Updated).OfType<DateTimeOffset>().Append(since).Max();
            cursor = cursor with { UpdatedSince = since };
            await context.SaveCursorAsync(cursor.ToString(), cancellationToken);
            if (results.Count < PageSize)
            {
                break;
            }
        }
    }

    private async Task<int> AcceptAsync(IEnumerable<JsonElement> posts, UshahidiSettings settings, PollContext context, CancellationToken cancellationToken)
    {
        var accepted = 0;
        foreach (var post in posts)
        {
            InboundReport report;
            try
            {
                report = await reports.ReadAsync(post, context.SourceId, settings, cancellationToken);
            }
            catch (FormatException ex)
            {
                logger.LogWarning("Polling {Source}: skipped an entry that is not a post ({Reason})", context.SourceId, ex.Message);
                continue;
            }

            await context.AcceptAsync(report, cancellationToken);
            accepted++;
        }

        return accepted;
    }

    private static DateTimeOffset? Updated(JsonElement post) =>
        post.ValueKind == JsonValueKind.Object && post.TryGetProperty("updated", out var u) && u.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(u.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private async Task<List<JsonElement>> GetResultsAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            var wait = response.Headers.RetryAfter?.Delta;
            throw new HttpRequestException($"{url} answered {(int)response.StatusCode}{(wait is { } w ? $", retry after {w.TotalSeconds:N0} s" : string.Empty)}", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentType?.MediaType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{url} answered {type}, not JSON (is the deployment URL right?)");
        }

        using var document = await response.Content.ReadJsonAsync(MaxPageBytes, timeout.Token);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{url} answered JSON without a results list");
        }

        return [.. results.EnumerateArray().Select(r => r.Clone())];
    }

    private static long Id(JsonElement post)
    {
        if (post.ValueKind != JsonValueKind.Object || !post.TryGetProperty("id", out var id))
        {
            return 0;
        }

        long n = 0;
        return id.ValueKind switch
        {
            JsonValueKind.Number => id.TryGetInt64(out n) ? n : 0,
            JsonValueKind.String => long.TryParse(id.GetString(), CultureInfo.InvariantCulture, out n) ? n : 0,
            _ => 0,
        };
    }
}
