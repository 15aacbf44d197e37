using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Api.Manage;
using Open311.Connectors.Ushahidi;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Connectors;

/// <summary>
/// POST connectors/ushahidi/{sourceId}/webhook: a deployment's post, signed with the source's shared secret.
/// A missing or wrong signature is 401 and nothing is stored; a valid post answers 202 with its intake record.
/// </summary>
public sealed class UshahidiEndpoints(
    ISourceStore sources,
    UshahidiIntake intake,
    ClientLimits limits,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Open311Options> options,
    ILogger<UshahidiEndpoints> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    public Task<IResult> WebhookAsync(HttpRequest request, string sourceId) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, async () =>
        {
            var ct = request.HttpContext.RequestAborted;
            limits.EnsureFailuresLeft(request, ClientLimits.WebhookFailure);
            var json = InputText.IsIdentifier(sourceId) ? await sources.GetAsync(sourceId, ct) : null;
            if (json is null)
            {
                limits.Failed(request, ClientLimits.WebhookFailure);
                throw Open311Exception.NotFound($"No source '{InputText.Quote(sourceId)}'.");
            }

            var source = DocumentJson.Read<SourceDocument>(json, out _);
            if (source.Type != "ushahidi" || source.WebhookSecret is not { Length: > 0 } secret || source.WebhookUrl is not { Length: > 0 } url)
            {
                throw Open311Exception.NotFound($"Source '{InputText.Quote(sourceId)}' takes no Ushahidi webhooks (type, webhook_url and webhook_secret must be set).");
            }

            var body = await RawBody.ReadAsync(request, MaxBodyBytes, ct);
            if (!UshahidiSignature.IsValid(secret, url, body, request.Headers["X-Ushahidi-Signature"]))
            {
                logger.LogWarning("Ushahidi webhook for {Source} refused: missing or wrong signature", sourceId);
                limits.Failed(request, ClientLimits.WebhookFailure);
                throw new Open311Exception(401, "Missing or wrong X-Ushahidi-Signature: nothing was stored.");
            }

            InboundReport report;
            IReadOnlyList<long> mediaIds;
            try
            {
                (report, mediaIds) = UshahidiWebhookParser.Parse(sourceId, body, source, time.GetUtcNow());
            }
            catch (FormatException ex)
            {
                throw Open311Exception.BadRequest(ex.Message);
            }

            var record = await intake.AcceptAsync(source, report, mediaIds, PublicUrls.Base(request, options.Value), ct);
            return Results.Json(new[] { record }, DocumentJson.Options, statusCode: StatusCodes.Status202Accepted);
        });
}
