using System.Text;
using Open311.Connectors.Email;
using Open311.Core.Intake;
using Open311.Testing;

namespace Open311.Connectors.Tests.Email;

/// <summary>Every way an e-mail arrives, read into one report: raw MIME, SendGrid raw and parsed, Mailgun, Postmark; broken ones kept.</summary>
public sealed class EmailMessagesRead
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly EmailSettings Settings = new() { JurisdictionMap = new() { ["riverton"] = "riverton.example" } };
    private static readonly byte[] Jpeg = TestImages.JpegWithGps(44.2, -72.57);

    [Fact]
    public void AnInlinePhotoWithAnEncodedSubjectAndFileNameIsFound()
    {
        var raw = TestMail.WithInlinePhoto("apple-1@example.org", Jpeg);

        var report = EmailReport.From(MimeReader.Read(raw), "mail", Settings, raw, Now);

        Assert.Equal("apple-1@example.org", report.ExternalId);
        Assert.Equal("Bache en la calle 🚧", report.Title);
        Assert.Equal("There is a deep pothole here, see the photo.", report.Text);
        Assert.Equal(("ana@example.org", "Ana", "Martínez"), (report.Contact.Email, report.Contact.FirstName, report.Contact.LastName));
        Assert.Equal(Jpeg, Bytes(Assert.Single(report.Photos)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 14, 0, TimeSpan.FromHours(-5)), report.ReceivedAt);
        Assert.Equal("eml", report.Raw!.Extension);
    }

    [Fact]
    public void PlusAddressingPicksTheJurisdictionAndGivesCategoryHints()
    {
        var raw = TestMail.WithInlinePhoto("apple-2@example.org", Jpeg, to: "Potholes+Riverton@reports.example");

        var report = EmailReport.From(MimeReader.Read(raw), "mail", Settings, raw, Now);

        Assert.Equal("riverton.example", report.JurisdictionId);
        Assert.Equal(["to:potholes", "to:riverton"], report.CategoryHints);
    }

    [Fact]
    public void TheSameMessageHasTheSameIdAndOneWithoutAMessageIdIsKeyedByItsBytes()
    {
        var plain = "From: a@example.org\r\nSubject: Broken bench\r\n\r\nThe bench in the park is broken.\r\n"u8.ToArray();
        var odd = TestMail.Plain("has/slash#and?more@example.org", "Bench", "Broken");

        var first = EmailReport.From(MimeReader.Read(plain), "mail", Settings, plain, Now);
        var again = EmailReport.From(MimeReader.Read(plain), "mail", Settings, plain, Now);
        var hashed = EmailReport.From(MimeReader.Read(odd), "mail", Settings, odd, Now);

        Assert.StartsWith("sha256-", first.ExternalId);
        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.StartsWith("sha256-", hashed.ExternalId);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\r\n")]
    [InlineData("Precedence: bulk\r\n")]
    [InlineData("List-Id: <town-news.example.org>\r\n")]
    [InlineData("X-Auto-Response-Suppress: All\r\n")]
    public void AutomatedMailIsMarkedSoItIsNeverAnswered(string header)
    {
        var raw = TestMail.Plain("auto@example.org", "Out of office", "I am away", extraHeaders: header);

        Assert.True(EmailReport.From(MimeReader.Read(raw), "mail", Settings, raw, Now).Automated);
    }

    [Fact]
    public void APersonsMailIsNotAutomatedButANoReplySenderIs()
    {
        var person = TestMail.Plain("p@example.org", "Pothole", "Deep", extraHeaders: "Auto-Submitted: no\r\n");
        var robot = TestMail.Plain("r@example.org", "Pothole", "Deep", from: "no-reply@alerts.example");

        Assert.False(EmailReport.From(MimeReader.Read(person), "mail", Settings, person, Now).Automated);
        Assert.True(EmailReport.From(MimeReader.Read(robot), "mail", Settings, robot, Now).Automated);
    }

    [Fact]
    public void SendGridRawAndParsedModesGiveTheSameReport()
    {
        var (rawBody, rawType) = TestMail.SendGridRaw(TestMail.Plain("sg-1@example.org", "Streetlight out", "The lamp at the corner is dark."));
        var (parsedBody, parsedType) = TestMail.SendGridParsed("sg-2@example.org", "Streetlight out", "The lamp at the corner is dark.", Jpeg);

        var raw = EmailReport.From(ProviderReaders.SendGrid(FormFields.Read(rawType, rawBody), rawBody, rawType), "mail", Settings, rawBody, Now);
        var parsed = EmailReport.From(ProviderReaders.SendGrid(FormFields.Read(parsedType, parsedBody), parsedBody, parsedType), "mail", Settings, parsedBody, Now);

        Assert.Equal(("sg-1@example.org", "Streetlight out", "The lamp at the corner is dark."), (raw.ExternalId, raw.Title, raw.Text));
        Assert.Equal(("sg-2@example.org", "Streetlight out", "The lamp at the corner is dark."), (parsed.ExternalId, parsed.Title, parsed.Text));
        Assert.Equal(Jpeg, Bytes(Assert.Single(parsed.Photos)));
        Assert.Contains("to:streetlight", parsed.CategoryHints);
    }

    [Fact]
    public void MailgunsStrippedTextIsPreferredAndItsSignatureIsChecked()
    {
        var auth = new DeliveryAuth(new FixedTime(Now));
        var settings = new EmailSettings { MailgunSigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0" };
        var (body, type) = TestMail.Mailgun(settings.MailgunSigningKey, "mg-1@example.org", "Fallen tree", "A tree is down on Oak Lane.", Now.AddMinutes(-2));
        var form = FormFields.Read(type, body);

        var report = EmailReport.From(ProviderReaders.Mailgun(form, body, type), "mail", Settings, body, Now);

        Assert.Null(auth.CheckMailgun(settings, form));
        Assert.Equal(("mg-1@example.org", "A tree is down on Oak Lane."), (report.ExternalId, report.Text));
        Assert.Contains("used before", auth.CheckMailgun(settings, form));
        Assert.Contains("wrong signature", new DeliveryAuth(new FixedTime(Now)).CheckMailgun(new EmailSettings { MailgunSigningKey = "another-key" }, form));
        Assert.Contains("15 minutes", new DeliveryAuth(new FixedTime(Now.AddHours(1))).CheckMailgun(settings, form));
    }

    [Fact]
    public void PostmarksJsonCarriesItsPhotoInBase64()
    {
        var body = TestMail.Postmark("pm-1@example.org", "Graffiti", "Tags on the underpass wall.", Jpeg);

        var report = EmailReport.From(ProviderReaders.Postmark(body), "mail", Settings, body, Now);

        Assert.Equal(("pm-1@example.org", "Graffiti", "Tags on the underpass wall."), (report.ExternalId, report.Title, report.Text));
        Assert.Equal(Jpeg, Bytes(Assert.Single(report.Photos)));
        Assert.Equal("json", report.Raw!.Extension);
    }

    [Theory]
    [InlineData("Content-Type: multipart/mixed; boundary=\"b\"\r\nSubject: Unterminated\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHole in the road\r\n")]
    [InlineData("Content-Type: application-x-gzip\r\nSubject: No subtype\r\n\r\nbinary")]
    [InlineData("Content-Type: multipart/mixed; boundary=\r\nSubject: Empty boundary\r\nDate: \r\n\r\n--\r\ntext\r\n")]
    [InlineData("Subject: =?x-unknown-charset?B?SGVsbG8=?=\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nHello")]
    public void MalformedMessagesAreStillReadAsFarAsTheyGo(string message)
    {
        var raw = Encoding.ASCII.GetBytes(message);

        var report = EmailReport.From(MimeReader.Read(raw), "mail", Settings, raw, Now);

        Assert.StartsWith("sha256-", report.ExternalId);
        Assert.NotNull(report.Raw);
    }

    [Fact]
    public void AttachmentsThatAreNotPhotosAreNamedInANote()
    {
        var raw = Encoding.ASCII.GetBytes("Subject: Report\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--x\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"letter.pdf\"\r\n\r\n%PDF-1.4\r\n--x--\r\n");

        var report = EmailReport.From(MimeReader.Read(raw), "mail", Settings, raw, Now);

        Assert.Empty(report.Photos);
        Assert.Contains("letter.pdf", Assert.Single(report.Notes));
    }

    private static byte[] Bytes(InboundPhoto photo)
    {
        using var stream = photo.Open!();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
