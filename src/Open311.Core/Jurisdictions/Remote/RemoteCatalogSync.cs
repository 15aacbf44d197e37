using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Client;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Outbound;

namespace Open311.Core.Jurisdictions.Remote;

/// <summary>
/// Copies each remote jurisdiction's service catalogue from its own <c>services.{json|xml}</c> (read by the Open311
/// client) into its document, so lookups and routing know what it offers. A failure leaves the last good catalogue in
/// place; its reason says what kind of failure it was, never what a refused or broken server answered.
/// </summary>
public sealed class RemoteCatalogSync(
    JurisdictionRegistry registry,
    IJurisdictionStore store,
    Open311Client client,
    TimeProvider time,
    ILogger<RemoteCatalogSync> logger)
{
    public const int MaxServices = 500;

    /// <summary>Syncs every remote jurisdiction; returns how many catalogues were updated.</summary>
    public async Task<int> SyncAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetSnapshotAsync(cancellationToken);
        var updated = 0;
        foreach (var jurisdiction in snapshot.All.Values.Where(j => !j.Hosted))
        {
            updated += (await SyncAsync(jurisdiction.Id, cancellationToken)).Failure is null ? 1 : 0;
        }

        logger.LogInformation("Remote catalogue sync: {Updated} of {Remote} remote jurisdictions updated", updated, snapshot.All.Count - snapshot.Hosted.Count);
        return updated;
    }

    public async Task<SyncResult> SyncAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(jurisdictionId, cancellationToken);
        var document = stored is null ? null : DocumentJson.Read<JurisdictionDocument>(stored.DocumentJson, out _);
        if (document?.Remote is not { Endpoint: { } address } remote || !Uri.TryCreate(address, UriKind.Absolute, out var baseUrl))
        {
            return new SyncResult(0, "not a remote jurisdiction");
        }

        var endpoint = new Open311Endpoint(baseUrl, remote.JurisdictionId, null, remote.Format ?? "json");
        string failure;
        try
        {
            var services = (await client.GetServicesAsync(endpoint, cancellationToken)).DistinctBy(s => s.Code).Take(MaxServices).Select(ToDocument).ToList();
            document.Services = services;
            remote.SyncedAt = time.GetUtcNow();
            await registry.PutAsync(jurisdictionId, document, stored!.ETag, cancellationToken);
            logger.LogInformation("Remote catalogue of {Jurisdiction}: {Count} services from {Endpoint}", jurisdictionId, services.Count, endpoint);
            return new SyncResult(services.Count, null);
        }
        catch (Open311ClientException ex)
        {
            failure = Describe(ex, endpoint.Format);
        }
        catch (Protocol.Open311Exception ex)
        {
            failure = $"the catalogue read could not be saved ({ex.Message})";
        }

        logger.LogWarning("Remote catalogue of {Jurisdiction} not read from {Endpoint}: {Reason}; the last one is kept", jurisdictionId, endpoint, failure);
        return new SyncResult(0, failure);
    }

    /// <summary>What kind of failure it was; the server's own words stay out (an admin must not learn what an internal port said).</summary>
    private static string Describe(Open311ClientException ex, string format) => ex switch
    {
        _ when Refusals.Find(ex) is { } refused => refused.Message,
        { StatusCode: { } status and (< 200 or > 299) } => $"the endpoint answered HTTP {status}",
        { StatusCode: not null } when ex.Message.Contains("larger than", StringComparison.Ordinal) => "the answer is larger than the client reads; reading stopped there",
        { StatusCode: not null } => $"the answer is not a GeoReport v2 services list in {format}",
        { InnerException: OperationCanceledException } => "the endpoint did not answer in time",
        _ => "the endpoint could not be reached",
    };

    private static ServiceDocument ToDocument(RemoteService service) => new()
    {
        ServiceCode = service.Code,
        ServiceName = service.Name,
        Description = service.Description,
        Type = service.Type,
        Keywords = service.Keywords.Count == 0 ? null : JsonSerializer.SerializeToElement(service.Keywords),
        Group = service.Group,
    };
}
