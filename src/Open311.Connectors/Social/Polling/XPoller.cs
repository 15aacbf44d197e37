using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// Reads X's recent search (docs.x.com/x-api/posts/search/integrate/paginate) with the source's bearer token:
/// <c>GET /2/tweets/search/recent?query=…&amp;since_id={cursor}&amp;max_results=100</c> with the expansions the post
/// reader needs. Posts come newest first across pages; <c>next_token</c> walks down to the cursor, and the first page's
/// <c>meta.newest_id</c> becomes the next <c>since_id</c> once the walk is done. A walk cut short (the page limit, a
/// 429) is saved with its token and resumed by the next run, so a burst loses nothing. X bills every post read, so a
/// source's first run reads the newest page only. A <c>since_id</c> older than the 7-day search window is refused
/// with a 400; the poll then starts again from the newest page (older posts can no longer be searched). A 429 or
/// <c>x-rate-limit-remaining: 0</c> ends the run naming <c>x-rate-limit-reset</c> (epoch seconds).
/// </summary>
public sealed class XPoller(HttpClient http, ISocialReports reports, IOptions<SocialPollOptions> options, TimeProvider time, ILogger<XPoller> logger)
{
    /// <summary>What the post reader needs besides the text: author, media, place, and what a post replies to or quotes.</summary>
    public const string Fields =
        "expansions=author_id,attachments.media_keys,geo.place_id,referenced_tweets.id"
        + "&tweet.fields=created_at,entities,geo,attachments,lang,referenced_tweets,in_reply_to_user_id"
        + "&media.fields=url,preview_image_url,type,alt_text"
        + "&place.fields=full_name,geo,country_code,place_type"
        + "&user.fields=username,name";

    /// <summary>The source's query, else its hashtag and/or handle without retweets.</summary>
    public static string Query(SocialSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Query))
        {
            return settings.Query.Trim();
        }

        var tag = string.IsNullOrWhiteSpace(settings.Hashtag) ? null : "#" + settings.Hashtag.Trim().TrimStart('#');
        var handle = string.IsNullOrWhiteSpace(settings.Handle) ? null : "@" + settings.Handle.Trim().TrimStart('@');
        return (tag, handle) switch
        {
            ({ } t, { } h) => $"({t} OR {h}) -is:retweet",
            _ => $"{tag ?? handle} -is:retweet",
        };
    }

    public Task<PollResult> PollAsync(SocialSettings settings, PollContext context, CancellationToken cancellationToken) =>
        SocialRun.RunAsync("X", context, logger, count => RunAsync(settings, context, count, cancellationToken), cancellationToken);

    private async Task<string?> RunAsync(SocialSettings settings, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        var cursor = XCursor.Parse(await context.GetCursorAsync(cancellationToken));
        if (cursor.Since is null)
        {
            return await NewestPageAsync(settings, context, count, cancellationToken);
        }

        var top = cursor.Top;
        var token = cursor.Next;
        for (var page = 0; page < Math.Max(1, options.Value.MaxPages); page++)
        {
            SocialAnswer answer;
            try
            {
                answer = await SearchAsync(settings, cursor.Since, token, cancellationToken);
            }
            catch (SocialAnswerException ex) when (ex.StatusCode == System.Net.HttpStatusCode.BadRequest && ex.ErrorBody?.Contains("since_id", StringComparison.Ordinal) == true)
            {
                logger.LogWarning("Polling {Source}: X refused since_id {Since} (older than its 7-day search window); starting again from the newest posts", context.SourceId, cursor.Since);
                return await NewestPageAsync(settings, context, count, cancellationToken);
            }

            var read = await AcceptAsync(answer, settings, context, count, cancellationToken);
            top ??= read.NewestId;
            token = read.NextToken;
            if (top is not null)
            {
                cursor = token is null ? new XCursor(top) : cursor with { Top = top, Next = token };
                await context.SaveCursorAsync(cursor.ToString(), cancellationToken);
            }

            if (answer.Exhausted)
            {
                return SocialHttp.NoRequestsLeft("X recent search", answer.ResetAt);
            }

            if (token is null || top is null)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A source's first run (and a restart after X refused the cursor): the newest posts only, their newest id the cursor.</summary>
    private async Task<string?> NewestPageAsync(SocialSettings settings, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        var answer = await SearchAsync(settings, null, null, cancellationToken);
        var read = await AcceptAsync(answer, settings, context, count, cancellationToken);
        if (read.NewestId is not null)
        {
            await context.SaveCursorAsync(new XCursor(read.NewestId).ToString(), cancellationToken);
        }

        return answer.Exhausted ? SocialHttp.NoRequestsLeft("X recent search", answer.ResetAt) : null;
    }

    private Task<SocialAnswer> SearchAsync(SocialSettings settings, string? since, string? token, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(options.Value.XPageSize, 10, 100);
        var url = $"{options.Value.XApiBase.TrimEnd('/')}/2/tweets/search/recent?query={Uri.EscapeDataString(Query(settings))}"
            + (since is null ? string.Empty : $"&since_id={since}")
            + $"&max_results={size}&{Fields}"
            + (token is null ? string.Empty : $"&next_token={Uri.EscapeDataString(token)}");
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.BearerToken!.Trim());
        return SendAsync(request, cancellationToken);
    }

    private async Task<SocialAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await SocialHttp.SendAsync(http, request, "X recent search", options.Value.Timeout, time, cancellationToken);
        }
    }

    /// <summary>Hands the page's posts over and reads its paging (<c>meta</c>) — itself, so a page without posts needs no post reader.</summary>
    private async Task<(string? NewestId, string? NextToken)> AcceptAsync(SocialAnswer answer, SocialSettings settings, PollContext context, Action<int> count, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(answer.Body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("X recent search answered JSON that is not a search result");
        }

        var ids = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(p => Text(p, "id")).ToList()
            : [];
        var meta = root.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        if (ids.Count > 0)
        {
            count(await SocialRun.AcceptAsync(SocialPayloads.Read(answer.Body, settings).Posts, reports, settings, context, cancellationToken));
        }

        var newest = SnowflakeIds.Max([Text(meta, "newest_id"), .. ids]);
        return (newest, ids.Count > 0 ? Text(meta, "next_token") : null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
