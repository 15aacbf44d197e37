using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Api.Keys;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Core.Updates;

namespace Open311.Api.Updates;

/// <summary>
/// The mySociety extension FixMyStreet speaks: <c>GET servicerequestupdates</c> (every request's updates in a window,
/// oldest first) and <c>POST servicerequestupdates</c> (a client's update, once per <c>update_id</c>).
/// </summary>
public sealed class UpdatesEndpoints(
    JurisdictionRegistry registry,
    IRequestStore store,
    RequestUpdater updater,
    KeyedPostReader posts,
    TimeProvider time,
    ILogger<UpdatesEndpoints> logger)
{
    /// <summary>The window when none is given, and the most a query may span.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    public Task<IResult> ListAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var parameters = ParameterReader.FromQuery(request);
            var jurisdiction = await registry.ResolveAsync(parameters.Get("jurisdiction_id"), request.HttpContext.RequestAborted);
            var errors = new List<string>();
            var start = RequestQueryParser.ParseDate(parameters, "start_date", jurisdiction, errors);
            var end = RequestQueryParser.ParseDate(parameters, "end_date", jurisdiction, errors);
            var now = time.GetUtcNow();
            var (from, to) = start is null && end is null ? (now - DefaultWindow, now) : RequestQueryParser.Window(start, end, now, "start_date", "end_date", errors);
            if (errors.Count > 0)
            {
                throw Open311Exception.BadRequest(errors);
            }

            var updates = await store.ListUpdatesAsync(jurisdiction.Id, from, to, RequestQueryParser.MaxResults, request.HttpContext.RequestAborted);
            return new ElementResult(UpdateDocuments.List(updates), f);
        });

    public Task<IResult> PostAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var cancellationToken = request.HttpContext.RequestAborted;
            var post = await posts.ReadAsync(request, cancellationToken);
            var update = await updater.PostAsync(post.Jurisdiction, post.Key.Id, UpdateSubmission.Parse(post.Parameters, post.Jurisdiction), cancellationToken);
            return new ElementResult(UpdateDocuments.Posted(update), f);
        });
}
