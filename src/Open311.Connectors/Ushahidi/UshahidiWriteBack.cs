using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Intake;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Tells the deployment which 311 request its post became, and later each change of its status:
/// <c>PUT /api/v3/webhooks/posts/{id}?api_key=…</c> with <c>{"values":{field_key:["311 request 12: open"]}}</c>, signed
/// like the platform's own webhooks — base64(HMAC-SHA256(PLATFORM_SHARED_SECRET, full URL + body)) in
/// <c>X-Ushahidi-Signature</c> (platform <c>SignatureAuth</c> middleware). At intake a failure is recorded on the
/// intake record, never fatal; a status change that fails is retried by the status job.
/// </summary>
public sealed class UshahidiWriteBack(HttpClient http, ILogger<UshahidiWriteBack> logger)
{
    public async Task<IntakeRecord> WriteAsync(UshahidiSettings source, IntakeRecord record, CancellationToken cancellationToken)
    {
        if (source.WriteBack is null || record.Outcome != IntakeOutcome.Created || record.LastDelivery != "first")
        {
            return record;
        }

        var failure = await PutAsync(source, record, $"311 request {record.ServiceRequestId}: open", cancellationToken);
        return record with { WriteBack = failure is null ? "done" : $"failed: {failure}" };
    }

    /// <summary>Writes the new status into the post's field; null when this source has no write-back.</summary>
    public async Task<string?> WriteStatusAsync(UshahidiSettings source, IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken)
    {
        if (source.WriteBack is null)
        {
            return null;
        }

        var where = notice.ServiceRequestId is null ? $"with {notice.JurisdictionId}" : $"{notice.ServiceRequestId}";
        var text = $"311 request {where}: {notice.Status}" + (string.IsNullOrWhiteSpace(notice.Description) ? string.Empty : $" — {notice.Description}");
        var failure = await PutAsync(source, record, text, cancellationToken);
        return failure is null ? "written back to the post" : throw new SourceNoticeException($"the write-back failed: {failure}");
    }

    /// <summary>Null when the deployment took it, else why not.</summary>
    private async Task<string?> PutAsync(UshahidiSettings source, IntakeRecord record, string text, CancellationToken cancellationToken)
    {
        if (source.WriteBack is not { ApiKey: { } apiKey, SharedSecret: { } secret, FieldKey: { } field } || source.Deployment is not { } deployment)
        {
            return "write_back needs api_key, shared_secret and field_key, and the source a deployment";
        }

        var url = $"{deployment}/api/v3/webhooks/posts/{Uri.EscapeDataString(record.ExternalId)}?api_key={Uri.EscapeDataString(apiKey)}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { values = new Dictionary<string, string[]> { [field] = [text] } });
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute(secret, url, body));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            logger.LogWarning("Write-back of {IntakeId} answered {Status}", record.IntakeId, (int)response.StatusCode);
            return $"the deployment answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Write-back of {IntakeId} failed: {Reason}", record.IntakeId, ex.Message);
            return ex.Message;
        }
    }
}
