using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Outbound;

namespace Open311.Core.Jurisdictions.Remote;

/// <summary>
/// Copies each remote jurisdiction's service catalogue from its own <c>services.{json|xml}</c> into its document,
/// so lookups and routing know what it offers. A failure leaves the last good catalogue in place; its reason says
/// what kind of failure it was, never what a refused or broken server answered.
/// </summary>
public sealed class RemoteCatalogSync(
    JurisdictionRegistry registry,
    IJurisdictionStore store,
    HttpClient http,
    TimeProvider time,
    ILogger<RemoteCatalogSync> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    public const int MaxBytes = 5 * 1024 * 1024;

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
        if (document?.Remote is not { Endpoint: { } endpoint } remote)
        {
            return new SyncResult(0, "not a remote jurisdiction");
        }

        var format = remote.Format ?? "json";
        var url = $"{endpoint.TrimEnd('/')}/services.{format}" + (remote.JurisdictionId is { } rid ? $"?jurisdiction_id={Uri.EscapeDataString(rid)}" : string.Empty);
        string? failure;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                var services = RemoteServicesParser.Parse(await response.Content.ReadTextAsync(MaxBytes, timeout.Token), format);
                document.Services = services;
                remote.SyncedAt = time.GetUtcNow();
                await registry.PutAsync(jurisdictionId, document, stored!.ETag, cancellationToken);
                logger.LogInformation("Remote catalogue of {Jurisdiction}: {Count} services from {Url}", jurisdictionId, services.Count, url);
                return new SyncResult(services.Count, null);
            }

            failure = $"the endpoint answered HTTP {(int)response.StatusCode}";
        }
        catch (OutboundRefusedException ex)
        {
            failure = ex.Message;
        }
        catch (HttpRequestException)
        {
            failure = "the endpoint could not be reached";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"the endpoint did not answer within {Timeout.TotalSeconds:N0} s";
        }
        catch (Protocol.Open311Exception ex)
        {
            failure = $"the catalogue read could not be saved ({ex.Message})";
        }
        catch (Exception ex) when (ex is FormatException or JsonException or System.Xml.XmlException)
        {
            failure = $"the answer is not a GeoReport v2 services list in {format}";
        }

        logger.LogWarning("Remote catalogue of {Jurisdiction} not read from {Url}: {Reason}; the last one is kept", jurisdictionId, url, failure);
        return new SyncResult(0, failure);
    }
}
