using Open311.Core.Intake;
using Open311.Core.Notifications;

namespace Open311.Connectors.Email;

/// <summary>
/// Tells a resident who reported by e-mail what became of it: one short mail per status change, from the source's
/// reply address, in the thread of their message. Only to senders who were acknowledged at intake — never to
/// automated mail, never when no transport is configured.
/// </summary>
public sealed class StatusReply(IMailSender mail)
{
    public async Task<string?> SendAsync(EmailSettings settings, IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken)
    {
        if (!settings.Acknowledge || settings.ReplyFrom is not { } from || record.WriteBack != "acknowledged" || notice.Contact.Email is not { } to || !mail.Configured)
        {
            return null;
        }

        var where = notice.ServiceRequestId is null ? $"with {notice.JurisdictionId}" : $"{notice.ServiceRequestId} with {notice.JurisdictionId}";
        var said = string.IsNullOrWhiteSpace(notice.Description) ? string.Empty : $"\n\n{notice.Description}";
        var text = $"Your report \"{record.Title ?? "without a title"}\" (request {where}) is now: {notice.Status.Replace('_', ' ')}.{said}\n\nThis is an automatic message.";
        try
        {
            var inReplyTo = record.ExternalId.StartsWith("sha256-", StringComparison.Ordinal) ? null : record.ExternalId;
            await mail.SendAsync(new OutgoingMail(from, settings.ReplyName, to, $"Re: {record.Title ?? "your report"}", text, inReplyTo), cancellationToken);
            return "e-mailed to the sender";
        }
        catch (MailNotSentException ex)
        {
            throw new SourceNoticeException($"the e-mail was not sent: {ex.Message}", ex);
        }
    }
}
