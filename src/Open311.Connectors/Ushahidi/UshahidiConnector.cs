using Open311.Core.Intake;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Ushahidi crisis maps: posts arrive by signed webhook (<c>POST connectors/ushahidi/{sourceId}/webhook</c>) and by
/// the poller (the backstop: the platform sends webhooks without retries); the 311 id can be written back.
/// </summary>
public sealed class UshahidiConnector(UshahidiReports reports, UshahidiWriteBack writeBack, UshahidiPoller poller) : IConnector
{
    public const string Name = "ushahidi";

    public string Type => Name;

    public IReadOnlyList<string> Actions { get; } = ["webhook"];

    public IReadOnlyList<string> Secrets { get; } = ["webhook_secret", "write_back.api_key", "write_back.shared_secret"];

    public int MaxBodyBytes => 1024 * 1024;

    public ISourcePoller Poller => poller;

    public IReadOnlyList<string> Validate(SourceDocument source)
    {
        var d = source.ConnectorSettings<UshahidiSettings>(out var error);
        if (error is not null)
        {
            return [error];
        }

        var errors = new List<string>();
        if (d.ApiVersion is not (null or "v3" or "v5"))
        {
            errors.Add("api_version must be v3 or v5.");
        }

        foreach (var (name, url) in new[] { ("deployment_url", d.DeploymentUrl), ("webhook_url", d.WebhookUrl) })
        {
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            {
                errors.Add($"{name} must be an absolute http or https URL.");
            }
        }

        if ((d.WebhookUrl is null) != (d.WebhookSecret is null))
        {
            errors.Add("webhook_url and webhook_secret go together: the signature covers the URL.");
        }

        if (d.DeploymentUrl is null && d.WebhookUrl is null)
        {
            errors.Add("Set deployment_url (to poll and copy photos), webhook_url and webhook_secret (to take webhooks), or both.");
        }

        return errors;
    }

    public async Task<InboundBatch> ReceiveAsync(SourceDocument source, InboundDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = source.ConnectorSettings<UshahidiSettings>(out _);
        if (settings.WebhookSecret is not { Length: > 0 } secret || settings.WebhookUrl is not { Length: > 0 } url)
        {
            return InboundBatch.Refused(404, $"Source '{delivery.SourceId}' takes no webhooks (webhook_url and webhook_secret must be set).");
        }

        if (!UshahidiSignature.IsValid(secret, url, delivery.Body, delivery.Header("X-Ushahidi-Signature")))
        {
            return InboundBatch.Refused(401, "Missing or wrong X-Ushahidi-Signature: nothing was stored.");
        }

        try
        {
            return new InboundBatch([await reports.ReadAsync(UshahidiWebhookParser.Parse(delivery.Body), delivery.SourceId, settings, cancellationToken)]);
        }
        catch (FormatException ex)
        {
            return InboundBatch.Refused(400, ex.Message);
        }
    }

    public Task<IntakeRecord> AfterIntakeAsync(SourceDocument source, InboundReport report, IntakeRecord record, string? publicBase, CancellationToken cancellationToken) =>
        writeBack.WriteAsync(source.ConnectorSettings<UshahidiSettings>(out _), record, cancellationToken);

    public Task<string?> PassOnStatusAsync(SourceDocument source, IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken) =>
        writeBack.WriteStatusAsync(source.ConnectorSettings<UshahidiSettings>(out _), record, notice, cancellationToken);
}
