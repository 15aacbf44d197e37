using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Open311.Api.Http;
using Open311.Api.Manage;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Api.Staff;

/// <summary>
/// A town's inbox for its staff: requests newest first with the public API's filters (status, service_code,
/// start_date, end_date, page, page_size) plus words (<c>q</c>), private requests included, each as staff see it
/// (requester, history); <c>since</c> counts what arrived after the last visit; <c>format=csv</c> exports the list.
/// </summary>
public sealed class InboxEndpoints(JurisdictionRegistry registry, IRequestStore requests, StaffAccess access, TimeProvider time, ILogger<InboxEndpoints> logger)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxPage = 1_000;

    public Task<IResult> ListAsync(HttpRequest request) => access.RunAsync(request, logger, async (member, ct) =>
    {
        var p = ParameterReader.FromQuery(request);
        var jurisdiction = await registry.ResolveAsync(p.Get("jurisdiction_id"), ct);
        member.Require(jurisdiction.Id);
        var now = time.GetUtcNow();
        var csv = p.Get("format") switch
        {
            null or "json" => false,
            "csv" => true,
            _ => throw Open311Exception.BadRequest("format must be json or csv."),
        };
        var text = p.Get("q") is { } q && q.Length > 200 ? throw Open311Exception.BadRequest("q holds at most 200 characters.") : p.Get("q");
        var size = csv ? RequestQueryParser.MaxResults : int.TryParse(p.Get("page_size"), out var s) ? s : DefaultPageSize;
        if (size is < 1 or > RequestQueryParser.MaxResults || (!csv && size > MaxPageSize))
        {
            throw Open311Exception.BadRequest($"page_size must be from 1 to {MaxPageSize}.");
        }

        var page = csv ? 1 : int.TryParse(p.Get("page"), out var n) ? n : 1;
        if (page is < 1 or > MaxPage)
        {
            throw Open311Exception.BadRequest($"page must be from 1 to {MaxPage:N0}.");
        }

        // The public parser reads the filters; the page is the inbox's own, one more than asked to tell if there is more.
        var query = RequestQueryParser.Parse(p, jurisdiction, now) with { IncludePrivate = true, Text = text, Skip = (page - 1) * size, Take = size + 1 };

        // The index rows hold public fields only: each listed request is read whole, as staff see it.
        var found = await requests.QueryAsync(jurisdiction.Id, query, ct);
        var whole = (await Task.WhenAll(found.Take(size).Select(r => requests.GetAsync(jurisdiction.Id, r.Id, ct)))).OfType<StoredRequest>().Select(r => r.Request).ToList();
        if (csv)
        {
            logger.LogInformation("{Staff} exported {Count} requests of {Jurisdiction}", member.Name, whole.Count, jurisdiction.Id);
            request.HttpContext.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"requests-{jurisdiction.Id}-{now:yyyyMMdd}.csv\"";
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return Results.Text(RequestsCsv.Write(whole), "text/csv; charset=utf-8");
        }

        int? newSince = null;
        if (p.Get("since") is { } since)
        {
            var from = Open311Time.TryParse(since, TimeZoneInfo.Utc, out var at) ? at : throw Open311Exception.BadRequest("since must be an ISO 8601 date-time.");
            newSince = from >= now ? 0 : (await requests.QueryAsync(jurisdiction.Id, new RequestQuery { Start = from, End = now, Take = RequestQueryParser.MaxResults, IncludePrivate = true }, ct)).Count;
        }

        return Results.Json(
            new { requests = whole.Select(ManagedRequest.From), page, page_size = size, more = found.Count > size, new_since = newSince },
            DocumentJson.Options);
    });
}
