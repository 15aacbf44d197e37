using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Api.Keys;
using Open311.Api.Telemetry;
using Open311.Core.Jurisdictions;
using Open311.Core.Media;
using Open311.Core.Places;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Api.Requests;

/// <summary>POST Service Request, GET Service Requests, GET Service Request and GET id from token.</summary>
public sealed class RequestsEndpoints(
    JurisdictionRegistry registry,
    IRequestStore store,
    IMediaStore media,
    KeyedPostReader posts,
    PlaceFinder places,
    TimeProvider time,
    IOptions<Open311Options> options,
    ILogger<RequestsEndpoints> logger)
{
    public Task<IResult> CreateAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var cancellationToken = request.HttpContext.RequestAborted;
            var (form, parameters, jurisdiction, key) = await posts.ReadAsync(request, cancellationToken);
            var (service, parsed) = RequestSubmission.Parse(parameters, jurisdiction, time.GetUtcNow());
            var draft = await places.PlaceAsync(parsed, cancellationToken);

            // The external id is the client's own: two clients may both have a report 1234 for the same town.
            if (draft.ExternalId is { } externalId)
            {
                draft = draft with { ExternalId = $"{key.Id}|{externalId}" };
            }

            var photos = await PhotoUpload.ReadAllAsync(form, options.Value, cancellationToken);
            if (photos.Count > 0)
            {
                if (draft.MediaUrl is not null)
                {
                    throw Open311Exception.BadRequest("Send either media files or a media_url, not both.");
                }

                var urls = new List<string>();
                foreach (var photo in photos)
                {
                    var name = await media.SaveAsync(jurisdiction.Id, photo.Content, photo.Kind, cancellationToken);
                    urls.Add($"{PublicUrls.Base(request, options.Value)}/media/{Uri.EscapeDataString(jurisdiction.Id)}/{name}");
                }

                draft = draft with
                {
                    MediaUrl = urls[0],
                    Notes = urls.Count == 1 ? draft.Notes : [.. draft.Notes, new RequestNote(draft.RequestedAt, "activity", "More photos", string.Join("\n", urls.Skip(1)))],
                };
            }

            var outcome = await store.CreateAsync(draft, cancellationToken);
            if (outcome.Duplicate)
            {
                Open311Telemetry.DuplicatePosts.Add(1, new KeyValuePair<string, object?>("jurisdiction", jurisdiction.Id));
                logger.LogInformation("Request {ServiceRequestId} in {Jurisdiction} posted again by key {KeyId}; answered with the first", outcome.Request.Id, jurisdiction.Id, key.Id);
            }
            else
            {
                Open311Telemetry.RequestsCreated.Add(1, new KeyValuePair<string, object?>("jurisdiction", jurisdiction.Id), new KeyValuePair<string, object?>("service_code", service.Code));
                logger.LogInformation("Request {ServiceRequestId} created in {Jurisdiction} ({ServiceCode}) by key {KeyId}", outcome.Request.Id, jurisdiction.Id, service.Code, key.Id);
            }

            return new ElementResult(RequestDocuments.Created(outcome.Request, service.Type), f);
        });

    public Task<IResult> ListAsync(HttpRequest request, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var parameters = ParameterReader.FromQuery(request);
            var jurisdiction = await registry.ResolveAsync(parameters.Get("jurisdiction_id"), request.HttpContext.RequestAborted);
            var query = RequestQueryParser.Parse(parameters, jurisdiction, time.GetUtcNow());
            var requests = await store.QueryAsync(jurisdiction.Id, query, request.HttpContext.RequestAborted);
            return new ElementResult(RequestDocuments.List(requests, query.Extensions), f);
        });

    public Task<IResult> GetAsync(HttpRequest request, string id, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var parameters = ParameterReader.FromQuery(request);
            var jurisdiction = await registry.ResolveAsync(parameters.Get("jurisdiction_id"), request.HttpContext.RequestAborted);
            var errors = new List<string>();
            var extensions = RequestQueryParser.ParseFlag(parameters.Get("extensions"), "extensions", errors);
            if (errors.Count > 0)
            {
                throw Open311Exception.BadRequest(errors);
            }

            var stored = (InputText.IsIdentifier(id) ? await store.GetAsync(jurisdiction.Id, id, request.HttpContext.RequestAborted) : null) is { Request.Private: false } found
                ? found
                : throw Open311Exception.NotFound($"service_request_id '{InputText.Quote(id)}' not found.");
            var visible = stored.Request with { Requester = Requester.None };
            return new ElementResult(RequestDocuments.List([visible], extensions), f);
        });

    public Task<IResult> TokenAsync(HttpRequest request, string token, string format) =>
        Open311Handler.RunAsync(format, logger, async f =>
        {
            var jurisdiction = await registry.ResolveAsync(ParameterReader.FromQuery(request).Get("jurisdiction_id"), request.HttpContext.RequestAborted);
            var id = (InputText.IsIdentifier(token) ? await store.FindIdByTokenAsync(jurisdiction.Id, token, request.HttpContext.RequestAborted) : null)
                ?? throw Open311Exception.NotFound($"token '{InputText.Quote(token)}' not found.");
            return new ElementResult(RequestDocuments.Token(token, id), f);
        });
}
