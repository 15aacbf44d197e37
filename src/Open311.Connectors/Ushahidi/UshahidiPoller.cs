using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Outbound;
using Open311.Core.Protocol;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// The backstop for webhooks (which Ushahidi sends without retry): reads the posts a deployment has made since the
/// last poll and runs each through the intake pipeline. The cursor is the highest post id seen, kept in Table
/// Storage and saved after every page, so a failure loses no progress. v5 asks for <c>created_after_by_id</c>;
/// v3 has no id filter, so it reads newest first until it reaches the cursor. A deployment that answers 429, 5xx,
/// HTML or nothing ends the run for that source; the next run starts from the same cursor.
/// </summary>
public sealed class UshahidiPoller(
    ISourceStore sources,
    UshahidiIntake intake,
    PublicBase publicBase,
    HttpClient http,
    TimeProvider time,
    ILogger<UshahidiPoller> logger)
{
    public const int PageSize = 100;
    public const int MaxPages = 50;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A page of 100 posts is a few hundred kilobytes; a deployment that sends more is cut off.</summary>
    public const int MaxPageBytes = 8 * 1024 * 1024;

    public async Task<int> PollAllAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        foreach (var id in await sources.ListIdsAsync(cancellationToken))
        {
            processed += (await PollAsync(id, cancellationToken)).Processed;
        }

        return processed;
    }

    public async Task<PollResult> PollAsync(string sourceId, CancellationToken cancellationToken)
    {
        var json = await sources.GetAsync(sourceId, cancellationToken);
        var source = json is null ? null : DocumentJson.Read<SourceDocument>(json, out _);
        if (source is not { Type: "ushahidi", DeploymentUrl: { } deployment })
        {
            return new PollResult(0, "not an Ushahidi source with a deployment_url");
        }

        var saved = PollCursor.Parse(await sources.GetCursorAsync(sourceId, cancellationToken));
        var cursor = saved.LastId;
        var processed = 0;
        try
        {
            var posts = source.ApiVersion == "v5"
                ? FetchV5Async(deployment, cursor, cancellationToken)
                : FetchV3Async(deployment, cursor, cancellationToken);

            // v3 also reads edits since the last poll (first poll: from now on). v5's updated_after is broken upstream
            // (strtotime applied twice), so v5 edits come by webhook update events only.
            var since = saved.UpdatedSince ?? time.GetUtcNow();
            var edits = source.ApiVersion == "v5" ? null : FetchV3EditsAsync(deployment, since, cancellationToken);
            await foreach (var page in Concat(posts, edits))
            {
                foreach (var post in page)
                {
                    InboundReport report;
                    try
                    {
                        report = UshahidiPostReader.Read(post, sourceId, source, time.GetUtcNow());
                    }
                    catch (FormatException ex)
                    {
                        logger.LogWarning("Polling {Source}: skipped an entry that is not a post ({Reason})", sourceId, ex.Message);
                        continue;
                    }

                    await intake.AcceptAsync(source, report, UshahidiPostReader.MediaIds(post, source), publicBase.Open311, cancellationToken);
                    processed++;
                    cursor = Math.Max(cursor, Id(post));
                    since = Updated(post) is { } updated && updated > since ? updated : since;
                }

                await sources.SaveCursorAsync(sourceId, new PollCursor(cursor, source.ApiVersion == "v5" ? null : since).ToString(), cancellationToken);
            }

            logger.LogInformation("Polled {Source}: {Processed} posts, cursor {Cursor}", sourceId, processed, cursor);
            return new PollResult(processed, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Polling {Source} stopped after {Processed} posts at cursor {Cursor}: {Reason}", sourceId, processed, cursor, ex.Message);
            return new PollResult(processed, ex.Message);
        }
    }

    /// <summary>v5: every post with an id above the cursor, oldest first, page by page.</summary>
    private async IAsyncEnumerable<List<JsonElement>> FetchV5Async(string deployment, long cursor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; page <= MaxPages; page++)
        {
            var results = await GetResultsAsync($"{deployment.TrimEnd('/')}/api/v5/posts?created_after_by_id={cursor}&orderby=id&order=asc&limit={PageSize}&page={page}", cancellationToken);
            if (results.Count > 0)
            {
                yield return results;
            }

            if (results.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>v3: newest first until the cursor is reached, then handed over oldest first.</summary>
    private async IAsyncEnumerable<List<JsonElement>> FetchV3Async(string deployment, long cursor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newer = new List<JsonElement>();
        for (var page = 0; page < MaxPages; page++)
        {
            var results = await GetResultsAsync($"{deployment.TrimEnd('/')}/api/v3/posts?orderby=id&order=desc&limit={PageSize}&offset={page * PageSize}", cancellationToken);
            var fresh = results.Where(p => Id(p) > cursor).ToList();
            newer.AddRange(fresh);
            if (results.Count < PageSize || fresh.Count < results.Count)
            {
                break;
            }
        }

        foreach (var chunk in newer.OrderBy(Id).Chunk(PageSize))
        {
            yield return [.. chunk];
        }
    }

    /// <summary>v3 edits: posts updated since the cursor time, oldest edit first (the boundary post comes again: deduped).</summary>
    private async IAsyncEnumerable<List<JsonElement>> FetchV3EditsAsync(string deployment, DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        for (var page = 0; page < MaxPages; page++)
        {
            var results = await GetResultsAsync($"{deployment.TrimEnd('/')}/api/v3/posts?updated_after={after}&orderby=updated&order=asc&limit={PageSize}&offset={page * PageSize}", cancellationToken);
            if (results.Count > 0)
            {
                yield return results;
            }

            if (results.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<List<JsonElement>> Concat(IAsyncEnumerable<List<JsonElement>> first, IAsyncEnumerable<List<JsonElement>>? second)
    {
        await foreach (var page in first)
        {
            yield return page;
        }

        if (second is not null)
        {
            await foreach (var page in second)
            {
                yield return page;
            }
        }
    }

    private static DateTimeOffset? Updated(JsonElement post) =>
        post.TryGetProperty("updated", out var u) && u.ValueKind == JsonValueKind.String
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
