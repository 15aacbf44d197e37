using System.Security.Cryptography;
using Open311.Core.Intake;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Connectors.Email;

/// <summary>
/// An e-mail as an inbound report: subject and body (replies, signatures and HTML cleaned) as title and text, the
/// sender as contact, image parts as photos (their GPS can place the report), recipient words as jurisdiction and
/// category hints. The external id is the Message-ID — else a hash of the message — so a provider's retry is the
/// same report.
/// </summary>
public static class EmailReport
{
    public const int MaxTitleLength = 200;

    public static InboundReport From(EmailContent mail, string sourceId, EmailSettings settings, byte[] payload, DateTimeOffset now)
    {
        var text = EmailText.Body(mail.Stripped is { Length: > 0 } stripped ? stripped : mail.Plain, mail.Html);
        var images = mail.Attachments.Where(IsImage).ToList();
        var others = mail.Attachments.Where(a => !IsImage(a)).Select(a => a.FileName ?? a.ContentType ?? "unnamed").ToList();
        var words = mail.Recipients.SelectMany(Words).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var jurisdiction = words.Select(w => settings.JurisdictionMap?.FirstOrDefault(m => string.Equals(m.Key, w, StringComparison.OrdinalIgnoreCase)).Value).OfType<string>().FirstOrDefault();
        var name = mail.FromName?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new InboundReport
        {
            SourceId = sourceId,
            ExternalId = ExternalId(mail.MessageId, payload),
            Title = mail.Subject is { Length: > 0 } subject ? InputText.Truncate(subject.Trim(), MaxTitleLength) : null,
            Text = text.Length > 0 ? text : null,
            Contact = new Requester(mail.FromAddress, name?.ElementAtOrDefault(0), name?.ElementAtOrDefault(1), null, null, null),
            Photos = images.Select(a => new InboundPhoto { Open = a.Open }).ToList(),
            CategoryHints = words.Select(w => $"to:{w}").ToList(),
            JurisdictionId = jurisdiction,
            Automated = mail.Automated,
            Notes = others.Count == 0 ? [] : [$"Attachments that are not photos are kept only in the stored message: {string.Join(", ", others.Take(10).Select(o => InputText.Quote(o)))}."],
            Raw = mail.Raw,
            ReceivedAt = mail.Date is { } date && date <= now.AddDays(1) ? date : now,
        };
    }

    /// <summary>A message that could not be read at all: still a record, keyed by the hash of its bytes, with the reason and the bytes kept.</summary>
    public static InboundReport Unreadable(string sourceId, byte[] payload, string extension, string contentType, string reason, DateTimeOffset now) => new()
    {
        SourceId = sourceId,
        ExternalId = ExternalId(null, payload),
        Problem = reason,
        Raw = new RawPayload(payload, extension, contentType),
        ReceivedAt = now,
    };

    /// <summary>The Message-ID when it can be a key as it is; else a hash (of the id, or of the whole payload when there is none).</summary>
    public static string ExternalId(string? messageId, byte[] payload)
    {
        var id = messageId?.Trim().Trim('<', '>');
        if (id is { Length: > 0 } && InputText.IsIdentifier(id) && !id.Contains(':'))
        {
            return id;
        }

        var hash = SHA256.HashData(id is { Length: > 0 } ? System.Text.Encoding.UTF8.GetBytes(id) : payload);
        return "sha256-" + Convert.ToHexStringLower(hash)[..40];
    }

    private static bool IsImage(EmailAttachment a) =>
        (a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
            || (a.ContentType is null or "application/octet-stream" && Path.GetExtension(a.FileName ?? string.Empty).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".gif" or ".webp"));

    /// <summary>"potholes+riverton@town.example" → "potholes", "riverton".</summary>
    private static IEnumerable<string> Words(string address)
    {
        var local = address.Split('@', 2)[0];
        return local.Split(['+', '-', '.', '_'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length <= 64).Select(w => w.ToLowerInvariant());
    }
}
