using MimeKit;
using Open311.Core.Intake;

namespace Open311.Connectors.Email;

/// <summary>
/// Raw RFC 5322 through MimeKit: subject and encoded words decoded, text and HTML bodies, and every image part —
/// attached or inline (Apple Mail sends its photos inline, so <c>Attachments</c> alone misses them).
/// </summary>
public static class MimeReader
{
    /// <exception cref="FormatException">MimeKit could not read it as a message at all.</exception>
    public static EmailContent Read(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var message = MimeMessage.Load(stream);
        var from = message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(new[] { "Delivered-To", "X-Original-To", "Envelope-To" }.Select(h => message.Headers[h]).OfType<string>().Select(a => a.Trim('<', '>', ' ')))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var (plain, html, files) = Parts(message);
        return new EmailContent
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Plain = plain,
            Html = html,
            FromAddress = from?.Address,
            FromName = from?.Name is { Length: > 0 } name ? name : null,
            Recipients = recipients,
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            Automated = Automated.IsAutomated(h => message.Headers[h], from?.Address),
            Attachments = files,
            Raw = new RawPayload(raw, "eml", "message/rfc822"),
        };
    }

    /// <summary>One walk over the parts: the first plain and HTML bodies, and every file.</summary>
    private static (string? Plain, string? Html, List<EmailAttachment> Files) Parts(MimeMessage message)
    {
        string? plain = null, html = null;
        var files = new List<EmailAttachment>();
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part is TextPart text && part.ContentDisposition?.Disposition != ContentDisposition.Attachment && part.FileName is null)
            {
                if (text.IsPlain)
                {
                    plain ??= text.Text;
                }
                else if (text.IsHtml)
                {
                    html ??= text.Text;
                }

                continue;
            }

            if (part.Content is { } content)
            {
                // MimeKit decodes as the stream is read: nothing is decoded until someone needs the bytes.
                files.Add(new EmailAttachment(part.FileName, part.ContentType.MimeType, () => content.Open()));
            }
        }

        return (plain, html, files);
    }
}
