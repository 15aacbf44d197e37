using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Connectors;

/// <summary>
/// POST connectors/{type}/{sourceId}/{action}: a delivery for a source, handed to the connector that owns its type.
/// The connector authenticates it (a refused one stores nothing and spends the address's budget of refusals) and
/// reads its reports; each goes through the intake. Answer: 202 with one intake record per report.
/// </summary>
public sealed class ConnectorEndpoints(
    ISourceStore sources,
    ConnectorCatalog connectors,
    IntakeService intake,
    ClientLimits limits,
    TimeProvider time,
    IOptions<Open311Options> options,
    ILogger<ConnectorEndpoints> logger)
{
    public Task<IResult> ReceiveAsync(HttpRequest request, string type, string sourceId, string action) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, async () =>
        {
            var ct = request.HttpContext.RequestAborted;
            limits.EnsureFailuresLeft(request, ClientLimits.WebhookFailure);
            var json = InputText.IsIdentifier(sourceId) ? await sources.GetAsync(sourceId, ct) : null;
            var source = json is null ? null : DocumentJson.Read<SourceDocument>(json, out _);
            if (source is null || source.Type != type || connectors.Find(type) is not { } connector || !connector.Actions.Contains(action))
            {
                limits.Failed(request, ClientLimits.WebhookFailure);
                throw Open311Exception.NotFound($"No {InputText.Quote(type)} source '{InputText.Quote(sourceId)}' taking '{InputText.Quote(action)}' deliveries.");
            }

            var body = await RawBody.ReadAsync(request, connector.MaxBodyBytes, ct);
            var delivery = new InboundDelivery(
                sourceId,
                action,
                request.ContentType,
                body,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
                time.GetUtcNow());
            var batch = await connector.ReceiveAsync(source, delivery, ct);
            if (batch.IsRefused)
            {
                logger.LogWarning("{Type} delivery to {Source}/{Action} refused ({Status}): {Reason}", type, sourceId, action, batch.RefusalStatus, batch.Refusal);
                if (batch.RefusalStatus is 401 or 403)
                {
                    limits.Failed(request, ClientLimits.WebhookFailure);
                }

                throw new Open311Exception(batch.RefusalStatus, batch.Refusal!);
            }

            var publicBase = PublicUrls.Base(request, options.Value);
            var records = new List<IntakeRecord>();
            foreach (var report in batch.Reports)
            {
                records.Add(await intake.AcceptAsync(connector, source, report, publicBase, ct));
            }

            return Results.Json(records, DocumentJson.Options, statusCode: StatusCodes.Status202Accepted);
        });
}
