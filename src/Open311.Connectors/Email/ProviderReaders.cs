using System.Text;
using System.Text.Json;
using MimeKit;
using Open311.Core.Intake;

namespace Open311.Connectors.Email;

/// <summary>
/// The inbound-mail webhooks of SendGrid (Inbound Parse, raw and parsed modes), Mailgun (routes: raw
/// <c>body-mime</c> and parsed fields) and Postmark (inbound JSON), each read into one <see cref="EmailContent"/>;
/// raw MIME always goes through <see cref="MimeReader"/>. Field names as the providers document them.
/// </summary>
public static class ProviderReaders
{
    /// <exception cref="FormatException">Not a payload of this provider.</exception>
    public static EmailContent SendGrid(FormFields form, byte[] body, string? contentType)
    {
        if (form["email"] is { Length: > 0 } raw)
        {
            return MimeReader.Read(Encoding.UTF8.GetBytes(raw));
        }

        var headers = HeaderLines(form["headers"]);
        var from = Mailbox(form["from"]);
        var envelope = Json(form["envelope"]);
        return new EmailContent
        {
            MessageId = Header(headers, "Message-ID")?.Trim('<', '>', ' '),
            Subject = form["subject"],
            Plain = form["text"],
            Html = form["html"],
            FromAddress = from?.Address,
            FromName = from?.Name,
            Recipients = Addresses(form["to"]).Concat(Addresses(form["cc"])).Concat(Strings(envelope, "to")).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Date = DateTimeOffset.TryParse(Header(headers, "Date"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null,
            Automated = Automated.IsAutomated(h => Header(headers, h), from?.Address),
            Attachments = form.Files,
            Raw = new RawPayload(body, "form", contentType ?? "multipart/form-data"),
        };
    }

    /// <exception cref="FormatException">Not a payload of this provider.</exception>
    public static EmailContent Mailgun(FormFields form, byte[] body, string? contentType)
    {
        if (form["body-mime"] is { Length: > 0 } raw)
        {
            return MimeReader.Read(Encoding.UTF8.GetBytes(raw));
        }

        var headers = Json(form["message-headers"]) is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 2)
                .Select(p => (Name: p[0].ToString(), Value: p[1].ToString())).ToList()
            : [];
        var from = Mailbox(form["from"]) ?? Mailbox(form["sender"]);
        return new EmailContent
        {
            MessageId = (form["Message-Id"] ?? Header(headers, "Message-Id"))?.Trim('<', '>', ' '),
            Subject = form["subject"],
            Plain = form["body-plain"],
            Html = form["body-html"],
            Stripped = form["stripped-text"],
            FromAddress = from?.Address,
            FromName = from?.Name,
            Recipients = Addresses(form["recipient"]).Concat(Addresses(form["To"])).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Date = DateTimeOffset.TryParse(Header(headers, "Date"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null,
            Automated = Automated.IsAutomated(h => Header(headers, h), from?.Address),
            Attachments = form.Files,
            Raw = new RawPayload(body, "form", contentType ?? "application/x-www-form-urlencoded"),
        };
    }

    /// <exception cref="FormatException">Not Postmark's inbound JSON.</exception>
    public static EmailContent Postmark(byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the body is not JSON ({ex.Message.Split(" Path:", 2)[0]})");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("MessageID", out _) && !root.TryGetProperty("From", out _))
        {
            throw new FormatException("the body is not Postmark's inbound JSON (no MessageID or From)");
        }

        if (Text(root, "RawEmail") is { Length: > 0 } raw)
        {
            return MimeReader.Read(Encoding.UTF8.GetBytes(raw));
        }

        var headers = root.TryGetProperty("Headers", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => (Name: Text(x, "Name") ?? string.Empty, Value: Text(x, "Value") ?? string.Empty)).ToList()
            : [];
        var fromFull = root.TryGetProperty("FromFull", out var ff) && ff.ValueKind == JsonValueKind.Object ? ff : default;
        var fromAddress = fromFull.ValueKind == JsonValueKind.Object ? Text(fromFull, "Email") : Mailbox(Text(root, "From"))?.Address;
        return new EmailContent
        {
            MessageId = (Header(headers, "Message-ID") ?? Text(root, "MessageID"))?.Trim('<', '>', ' '),
            Subject = Text(root, "Subject"),
            Plain = Text(root, "TextBody"),
            Html = Text(root, "HtmlBody"),
            Stripped = Text(root, "StrippedTextReply"),
            FromAddress = fromAddress,
            FromName = fromFull.ValueKind == JsonValueKind.Object ? Text(fromFull, "Name") : Text(root, "FromName"),
            Recipients = Emails(root, "ToFull").Concat(Emails(root, "CcFull")).Concat(Addresses(Text(root, "OriginalRecipient"))).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Date = DateTimeOffset.TryParse(Text(root, "Date"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null,
            Automated = Automated.IsAutomated(name => Header(headers, name), fromAddress),
            Attachments = PostmarkAttachments(root).ToList(),
            Raw = new RawPayload(body, "json", "application/json"),
        };
    }

    private static IEnumerable<EmailAttachment> PostmarkAttachments(JsonElement root)
    {
        if (!root.TryGetProperty("Attachments", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object))
        {
            byte[] content;
            try
            {
                content = Convert.FromBase64String(Text(item, "Content") ?? string.Empty);
            }
            catch (FormatException)
            {
                content = [];
            }

            yield return EmailAttachment.FromBytes(Text(item, "Name"), Text(item, "ContentType"), content);
        }
    }

    private static IEnumerable<string> Emails(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => Text(e, "Email")).OfType<string>()
            : [];

    private static MailboxAddress? Mailbox(string? text) =>
        text is { Length: > 0 } && InternetAddressList.TryParse(text, out var list) ? list.Mailboxes.FirstOrDefault() : null;

    private static IEnumerable<string> Addresses(string? text) =>
        text is { Length: > 0 } && InternetAddressList.TryParse(text, out var list) ? list.Mailboxes.Select(m => m.Address) : [];

    private static List<(string Name, string Value)> HeaderLines(string? text) =>
        (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Length > 0 && !char.IsWhiteSpace(p[0][0]))
            .Select(p => (p[0].Trim(), p[1].Trim()))
            .ToList();

    private static string? Header(List<(string Name, string Value)> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static JsonElement? Json(string? text)
    {
        try
        {
            return text is { Length: > 0 } ? JsonDocument.Parse(text).RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
