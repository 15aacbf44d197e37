using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions.Documents;

namespace Open311.Core.Jurisdictions.Remote;

/// <summary>
/// Copies each remote jurisdiction's service catalogue from its own <c>services.{json|xml}</c> into its document,
/// so lookups and routing know what it offers. A failure leaves the last good catalogue in place and is logged.
/// </summary>
public sealed class RemoteCatalogSync(
    JurisdictionRegistry registry,
    IJurisdictionStore store,
    HttpClient http,
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
            updated += await SyncAsync(jurisdiction.Id, cancellationToken) ? 1 : 0;
        }

        logger.LogInformation("Remote catalogue sync: {Updated} of {Remote} remote jurisdictions updated", updated, snapshot.All.Count - snapshot.Hosted.Count);
        return updated;
    }

    public async Task<bool> SyncAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(jurisdictionId, cancellationToken);
        var document = stored is null ? null : DocumentJson.Read<JurisdictionDocument>(stored.DocumentJson, out _);
        if (document?.Remote is not { Endpoint: { } endpoint } remote)
        {
            return false;
        }

        var format = remote.Format ?? "json";
        var url = $"{endpoint.TrimEnd('/')}/services.{format}" + (remote.JurisdictionId is { } rid ? $"?jurisdiction_id={Uri.EscapeDataString(rid)}" : string.Empty);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Remote catalogue of {Jurisdiction}: {Url} answered {Status}; keeping the last one", jurisdictionId, url, (int)response.StatusCode);
                return false;
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                logger.LogWarning("Remote catalogue of {Jurisdiction}: {Url} is {Bytes} bytes, over the limit", jurisdictionId, url, response.Content.Headers.ContentLength);
                return false;
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var services = RemoteServicesParser.Parse(body, format);
            document.Services = services;
            remote.SyncedAt = DateTimeOffset.UtcNow;
            await registry.PutAsync(jurisdictionId, document, stored!.ETag, cancellationToken);
            logger.LogInformation("Remote catalogue of {Jurisdiction}: {Count} services from {Url}", jurisdictionId, services.Count, url);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or FormatException or JsonException or System.Xml.XmlException or OperationCanceledException or Protocol.Open311Exception
            && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Remote catalogue of {Jurisdiction}: {Url} could not be read ({Reason}); keeping the last one", jurisdictionId, url, ex.Message);
            return false;
        }
    }
}
