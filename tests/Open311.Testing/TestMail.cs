using System.Text;

namespace Open311.Testing;

/// <summary>
/// E-mails and provider payloads written for these tests, in the shapes real senders produce: Apple Mail's inline
/// photo with an RFC 2047 subject and RFC 2231 file name, a plain reply, and the inbound webhook bodies of SendGrid
/// (boundary <c>xYzZY</c>), Mailgun and Postmark as their documentation shows them.
/// </summary>
public static class TestMail
{
    /// <summary>A message whose only place is the EXIF GPS of its inline photo (Apple Mail style: inline, no Attachments).</summary>
    public static byte[] WithInlinePhoto(string messageId, byte[] jpeg, string to = "potholes+riverton@reports.example", string extraHeaders = "")
    {
        var photo = Convert.ToBase64String(jpeg, Base64FormattingOptions.InsertLineBreaks);
        return Encoding.ASCII.GetBytes($"""
            From: =?utf-8?Q?Ana_Mart=C3=ADnez?= <ana@example.org>
            To: {to}
            Subject: =?utf-8?B?QmFjaGUgZW4gbGEgY2FsbGUg8J+apw==?=
            Date: Mon, 24 Nov 2026 09:14:00 -0500
            Message-Id: <{messageId}>
            MIME-Version: 1.0
            {extraHeaders}Content-Type: multipart/mixed; boundary="Apple-Mail=_7A3C"

            --Apple-Mail=_7A3C
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            There is a deep pothole here, see the photo.

            Sent from my iPhone
            --Apple-Mail=_7A3C
            Content-Disposition: inline; filename*=utf-8''Bache%20calle.jpg
            Content-Type: image/jpeg; name="=?utf-8?Q?Bache_calle.jpg?="
            Content-Transfer-Encoding: base64

            {photo}
            --Apple-Mail=_7A3C--

            """.ReplaceLineEndings("\r\n"));
    }

    public static byte[] Plain(string messageId, string subject, string body, string from = "resident@example.org", string extraHeaders = "", string to = "reports@reports.example") =>
        Encoding.UTF8.GetBytes($"""
            From: Sam Resident <{from}>
            To: {to}
            Subject: {subject}
            Message-ID: <{messageId}>
            {extraHeaders}Content-Type: text/plain; charset=utf-8

            {body}

            """.ReplaceLineEndings("\r\n"));

    /// <summary>SendGrid Inbound Parse in raw mode: the whole message in the field <c>email</c>.</summary>
    public static (byte[] Body, string ContentType) SendGridRaw(byte[] message) =>
        (Encoding.UTF8.GetBytes($"--xYzZY\r\nContent-Disposition: form-data; name=\"dkim\"\r\n\r\n{{@example.org : pass}}\r\n--xYzZY\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n{Encoding.UTF8.GetString(message)}\r\n--xYzZY\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\nreports@reports.example\r\n--xYzZY--\r\n"),
         "multipart/form-data; boundary=xYzZY");

    /// <summary>SendGrid Inbound Parse in parsed mode, with one photo file.</summary>
    public static (byte[] Body, string ContentType) SendGridParsed(string messageId, string subject, string text, byte[] jpeg)
    {
        using var body = new MemoryStream();
        void Field(string name, string value) => body.Write(Encoding.UTF8.GetBytes($"--xYzZY\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        Field("headers", $"MIME-Version: 1.0\r\nFrom: Sam Resident <resident@example.org>\r\nDate: Mon, 24 Nov 2026 10:00:00 -0500\r\nSubject: {subject}\r\nMessage-ID: <{messageId}>\r\nTo: streetlight@reports.example");
        Field("to", "streetlight@reports.example");
        Field("from", "Sam Resident <resident@example.org>");
        Field("text", text);
        Field("envelope", """{"to":["streetlight@reports.example"],"from":"resident@example.org"}""");
        Field("attachments", "1");
        Field("attachment-info", """{"attachment1":{"filename":"lamp.jpg","name":"lamp.jpg","type":"image/jpeg"}}""");
        Field("subject", subject);
        Field("charsets", """{"to":"UTF-8","subject":"UTF-8","from":"UTF-8","text":"UTF-8"}""");
        body.Write(Encoding.UTF8.GetBytes("--xYzZY\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"lamp.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"));
        body.Write(jpeg);
        body.Write("\r\n--xYzZY--\r\n"u8);
        return (body.ToArray(), "multipart/form-data; boundary=xYzZY");
    }

    /// <summary>A Mailgun route post (urlencoded) signed with <paramref name="signingKey"/>.</summary>
    public static (byte[] Body, string ContentType) Mailgun(string signingKey, string messageId, string subject, string text, DateTimeOffset at, string token = "0a1b2c3d4e5f60718293a4b5c6d7e8f9aa0bb1cc2dd3ee4ff5")
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token)));
        var fields = new Dictionary<string, string>
        {
            ["recipient"] = "reports@reports.example", ["sender"] = "resident@example.org", ["from"] = "Sam Resident <resident@example.org>",
            ["subject"] = subject, ["body-plain"] = text + "\n\n> On Sunday you wrote:\n> earlier", ["stripped-text"] = text, ["Message-Id"] = $"<{messageId}>",
            ["message-headers"] = $$"""[["Message-Id","<{{messageId}}>"],["Date","Mon, 24 Nov 2026 10:00:00 -0500"]]""",
            ["timestamp"] = timestamp, ["token"] = token, ["signature"] = signature,
        };
        var body = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return (Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded");
    }

    /// <summary>Postmark inbound JSON with one base64 photo.</summary>
    public static byte[] Postmark(string messageId, string subject, string text, byte[] jpeg) =>
        Encoding.UTF8.GetBytes($$"""
            {"FromName":"Sam Resident","MessageStream":"inbound","From":"resident@example.org","FromFull":{"Email":"resident@example.org","Name":"Sam Resident","MailboxHash":""},
             "To":"graffiti@reports.example","ToFull":[{"Email":"graffiti@reports.example","Name":"","MailboxHash":""}],"Cc":"","CcFull":[],"Bcc":"","BccFull":[],
             "OriginalRecipient":"graffiti@reports.example","Subject":"{{subject}}","MessageID":"{{Guid.NewGuid()}}","ReplyTo":"","MailboxHash":"","Date":"Mon, 24 Nov 2026 10:00:00 -0500",
             "TextBody":"{{text}}","HtmlBody":"","StrippedTextReply":"","Tag":"",
             "Headers":[{"Name":"Message-ID","Value":"<{{messageId}}>"}],
             "Attachments":[{"Name":"wall.jpg","Content":"{{Convert.ToBase64String(jpeg)}}","ContentType":"image/jpeg","ContentLength":{{jpeg.Length}},"ContentID":""}]}
            """);
}
