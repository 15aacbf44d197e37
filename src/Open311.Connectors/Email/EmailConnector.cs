using Open311.Core.Intake;

namespace Open311.Connectors.Email;

/// <summary>
/// E-mail reports: <c>POST connectors/email/{sourceId}/mime</c> (raw RFC 5322, e.g. from an Azure Logic App or a mail
/// server pipe), <c>/sendgrid</c> (Inbound Parse, raw or parsed), <c>/mailgun</c> (signed; raw <c>body-mime</c> or
/// parsed fields) and <c>/postmark</c> (inbound JSON). Once authenticated, a message is never refused: one that cannot
/// be read becomes a rejected intake record with the reason, and its bytes are kept.
/// </summary>
public sealed class EmailConnector(DeliveryAuth auth, Acknowledgement acknowledgement, StatusReply statusReply) : IConnector
{
    public const string Name = "email";

    public string Type => Name;

    public IReadOnlyList<string> Actions { get; } = ["mime", "sendgrid", "mailgun", "postmark"];

    public IReadOnlyList<string> Secrets { get; } = ["secret", "mailgun_signing_key"];

    /// <summary>Providers take messages of up to 30 MB (SendGrid) and 35 MB (Postmark, base64 included).</summary>
    public int MaxBodyBytes => 40 * 1024 * 1024;

    public ISourcePoller? Poller => null;

    public IReadOnlyList<string> Validate(SourceDocument source)
    {
        var settings = source.ConnectorSettings<EmailSettings>(out var error);
        if (error is not null)
        {
            return [error];
        }

        var errors = new List<string>();
        if (settings.Secret is null && settings.MailgunSigningKey is null)
        {
            errors.Add("Set secret (mime, sendgrid, postmark endpoints) or mailgun_signing_key (mailgun endpoint), or both.");
        }

        if (settings.Secret is { Length: < 16 })
        {
            errors.Add("secret must be at least 16 characters.");
        }

        if (settings.Acknowledge && (settings.ReplyFrom is null || !settings.ReplyFrom.Contains('@')))
        {
            errors.Add("acknowledge needs reply_from: the address acknowledgements come from.");
        }

        if (settings.JurisdictionMap is { Count: > 1000 })
        {
            errors.Add("jurisdiction_map holds at most 1,000 entries.");
        }

        return errors;
    }

    public Task<InboundBatch> ReceiveAsync(SourceDocument source, InboundDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = source.ConnectorSettings<EmailSettings>(out _);
        FormFields? form = null;
        if (delivery.Action == "mailgun")
        {
            try
            {
                form = FormFields.Read(delivery.ContentType, delivery.Body);
            }
            catch (FormatException ex)
            {
                return Task.FromResult(InboundBatch.Refused(400, $"Not a Mailgun delivery: {ex.Message}."));
            }

            if (auth.CheckMailgun(settings, form) is { } refused)
            {
                return Task.FromResult(InboundBatch.Refused(401, $"Mailgun signature refused: {refused}. Nothing was stored."));
            }
        }
        else if (DeliveryAuth.CheckSecret(settings, delivery) is { } refused)
        {
            return Task.FromResult(InboundBatch.Refused(401, $"{refused}. Nothing was stored."));
        }

        return Task.FromResult(new InboundBatch([Read(delivery, settings, form)]));
    }

    public Task<IntakeRecord> AfterIntakeAsync(SourceDocument source, InboundReport report, IntakeRecord record, string? publicBase, CancellationToken cancellationToken) =>
        acknowledgement.SendAsync(source.ConnectorSettings<EmailSettings>(out _), report, record, publicBase, cancellationToken);

    public Task<string?> PassOnStatusAsync(SourceDocument source, IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken) =>
        statusReply.SendAsync(source.ConnectorSettings<EmailSettings>(out _), record, notice, cancellationToken);

    private static InboundReport Read(InboundDelivery delivery, EmailSettings settings, FormFields? form)
    {
        try
        {
            var mail = delivery.Action switch
            {
                "mime" => MimeReader.Read(delivery.Body),
                "sendgrid" => ProviderReaders.SendGrid(FormFields.Read(delivery.ContentType, delivery.Body), delivery.Body, delivery.ContentType),
                "mailgun" => ProviderReaders.Mailgun(form!, delivery.Body, delivery.ContentType),
                _ => ProviderReaders.Postmark(delivery.Body),
            };
            return EmailReport.From(mail, delivery.SourceId, settings, delivery.Body, delivery.ReceivedAt);
        }
        catch (FormatException ex)
        {
            var (extension, type) = delivery.Action == "mime" ? ("eml", "message/rfc822") : ("bin", delivery.ContentType ?? "application/octet-stream");
            return EmailReport.Unreadable(delivery.SourceId, delivery.Body, extension, type, $"The {delivery.Action} delivery could not be read as an e-mail: {ex.Message}. It is kept for staff.", delivery.ReceivedAt);
        }
    }
}
