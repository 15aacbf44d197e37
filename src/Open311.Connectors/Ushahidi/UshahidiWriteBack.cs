using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Intake;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Tells the deployment which 311 request its post became: <c>PUT /api/v3/webhooks/posts/{id}?api_key=…</c> with
/// <c>{"values":{field_key:["311 request 12: open"]}}</c>, signed like the platform's own webhooks —
/// base64(HMAC-SHA256(PLATFORM_SHARED_SECRET, full URL + body)) in <c>X-Ushahidi-Signature</c> (platform
/// <c>SignatureAuth</c> middleware). A failure is recorded on the intake record, never fatal to the intake.
/// </summary>
public sealed class UshahidiWriteBack(HttpClient http, ILogger<UshahidiWriteBack> logger)
{
    public async Task<IntakeRecord> WriteAsync(UshahidiSettings source, IntakeRecord record, CancellationToken cancellationToken)
    {
        if (source.WriteBack is not { ApiKey: { } apiKey, SharedSecret: { } secret, FieldKey: { } field } || source.Deployment is not { } deployment
            || record.Outcome != IntakeOutcome.Created || record.LastDelivery != "first")
        {
            return record;
        }

        var url = $"{deployment}/api/v3/webhooks/posts/{Uri.EscapeDataString(record.ExternalId)}?api_key={Uri.EscapeDataString(apiKey)}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { values = new Dictionary<string, string[]> { [field] = [$"311 request {record.ServiceRequestId}: open"] } });
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute(secret, url, body));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return record with { WriteBack = "done" };
            }

            logger.LogWarning("Write-back of {IntakeId} answered {Status}", record.IntakeId, (int)response.StatusCode);
            return record with { WriteBack = $"failed: the deployment answered {(int)response.StatusCode}" };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Write-back of {IntakeId} failed: {Reason}", record.IntakeId, ex.Message);
            return record with { WriteBack = $"failed: {ex.Message}" };
        }
    }
}
