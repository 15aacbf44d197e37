using Open311.Core.Intake;
using Open311.Core.Notifications;

namespace Open311.Connectors.Email;

/// <summary>
/// The optional reply to a resident's e-mail: the request id and where to follow it. Sent once (the first delivery),
/// only for a report that became a request or was passed on, never to automated or bulk mail, never to ourselves.
/// What happened is noted on the intake record.
/// </summary>
public sealed class Acknowledgement(IMailSender mail)
{
    public async Task<IntakeRecord> SendAsync(EmailSettings settings, InboundReport report, IntakeRecord record, string? publicBase, CancellationToken cancellationToken)
    {
        if (!settings.Acknowledge || record.LastDelivery != "first" || record.Outcome is not (IntakeOutcome.Created or IntakeOutcome.Forwarded))
        {
            return record;
        }

        var to = report.Contact.Email;
        var why = report.Automated ? "automated or bulk mail is never answered"
            : to is null ? "the message has no sender address"
            : settings.ReplyFrom is null ? "reply_from is not set"
            : string.Equals(to, settings.ReplyFrom, StringComparison.OrdinalIgnoreCase) ? "the sender is this source's own address"
            : !mail.Configured ? "no mail transport is configured (Mail__Provider)"
            : null;
        if (why is not null)
        {
            return record with { WriteBack = $"not acknowledged: {why}" };
        }

        try
        {
            await mail.SendAsync(
                new OutgoingMail(settings.ReplyFrom!, settings.ReplyName, to!, $"Re: {report.Title ?? "your report"}", Text(record, publicBase), report.ExternalId.StartsWith("sha256-", StringComparison.Ordinal) ? null : report.ExternalId),
                cancellationToken);
            return record with { WriteBack = "acknowledged" };
        }
        catch (MailNotSentException ex)
        {
            return record with { WriteBack = $"acknowledgement not sent: {ex.Message}" };
        }
    }

    private static string Text(IntakeRecord record, string? publicBase)
    {
        var follow = publicBase is not null && record.ServiceRequestId is { } id
            ? $"\n\nFollow it at {publicBase}/track/?jurisdiction_id={Uri.EscapeDataString(record.JurisdictionId ?? string.Empty)}&id={Uri.EscapeDataString(id)}"
            : string.Empty;
        var what = record.Outcome == IntakeOutcome.Created
            ? $"It is now service request {record.ServiceRequestId} with {record.JurisdictionId}.{follow}"
            : $"It was passed on to {record.JurisdictionId}, who handle it; we will let you know what they do.";
        return $"Thank you for your report.\n\n{what}\n\nThis is an automatic reply.";
    }
}
