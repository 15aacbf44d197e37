using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Connectors;

/// <summary>
/// E-mail reports end to end, as a town configures them through the manage API: raw MIME and the three providers'
/// webhooks, their authentication, a photo whose only place is its EXIF GPS, broken messages, and the
/// acknowledgement sent to a real SMTP listener on loopback.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailIntake(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "riverton-mail-secret-0123456789";
    private const string SigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    private readonly LoopbackSmtpServer smtp = new();
    private Open311App app = null!;

    public async Task InitializeAsync()
    {
        app = new Open311App(azurite.ConnectionString, settings: new()
        {
            ["Mail:Provider"] = "Smtp", ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:SmtpSecurity"] = "None",
        });
        await app.PutRivertonAsync();
        var source = new JsonObject
        {
            ["type"] = "email", ["secret"] = Secret, ["mailgun_signing_key"] = SigningKey,
            ["jurisdiction_map"] = new JsonObject { ["riverton"] = "riverton.example" },
            ["category_map"] = new JsonObject { ["to:potholes"] = "pothole", ["to:streetlight"] = "streetlight", ["to:graffiti"] = "graffiti" },
            ["triage_service"] = "general_feedback", ["acknowledge"] = true, ["reply_from"] = "311@riverton.example", ["reply_name"] = "Riverton 311",
        };
        var saved = await app.Admin().PutAsync("/open311/manage/sources/mail", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task AMessageWhosePhotoKnowsThePlaceBecomesARequestAndTheSenderIsAnsweredOnce()
    {
        var raw = TestMail.WithInlinePhoto("gps-1@example.org", TestImages.JpegWithGps(Towns.Lat, Towns.Long));

        var first = await RecordAsync(await PostAsync("mime?key=" + Secret, raw, "message/rfc822"));
        var again = await RecordAsync(await PostAsync("mime?key=" + Secret, raw, "message/rfc822"));

        Assert.Equal(("created", "riverton.example", "pothole"), (first["outcome"]!.GetValue<string>(), first["jurisdiction_id"]!.GetValue<string>(), first["service_code"]!.GetValue<string>()));
        Assert.Contains("Located by the GPS position in photo 1", first["reason"]!.GetValue<string>());
        Assert.Equal(("acknowledged", 2), (first["write_back"]!.GetValue<string>(), again["deliveries"]!.GetValue<int>()));
        Assert.Equal(first["service_request_id"]!.GetValue<string>(), again["service_request_id"]!.GetValue<string>());
        var id = first["service_request_id"]!.GetValue<string>();
        var request = JsonNode.Parse(await app.CreateClient().GetStringAsync($"/open311/v2/requests/{id}.json"))![0]!;
        var photo = await app.CreateClient().GetByteArrayAsync(new Uri(request["media_url"]!.GetValue<string>()).PathAndQuery);
        Assert.DoesNotContain(TestImages.Serial, Encoding.Latin1.GetString(photo));
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(photo));
        Assert.DoesNotContain("ana@example.org", request.ToJsonString());
        var reply = Assert.Single(smtp.Messages);
        Assert.Equal(["ana@example.org"], reply.To);
        Assert.Contains($"service request {id}", reply.Data);
        Assert.Contains($"Follow it at {Open311App.PublicBase}/open311/track/?jurisdiction_id=riverton.example&id={id}", reply.Data);
        Assert.Contains("Auto-Submitted: auto-replied", reply.Data);
        Assert.Contains("In-Reply-To: <gps-1@example.org>", reply.Data);
    }

    [Theory]
    [InlineData("mime", null)]
    [InlineData("mime?key=wrong-secret-0123456789", null)]
    [InlineData("mime", "Bearer wrong")]
    [InlineData("postmark", "Basic d3Jvbmc6d3Jvbmc=")]
    public async Task AWrongOrMissingSecretIs401AndStoresNothing(string action, string? authorization)
    {
        var raw = TestMail.Plain("denied@example.org", "Pothole", "Deep");

        var response = await PostAsync(action, raw, "message/rfc822", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin().GetAsync("/open311/manage/intake/mail:denied@example.org")).StatusCode);
    }

    [Fact]
    public async Task TheThreeProvidersAreReadEachWithItsOwnAuthentication()
    {
        var jpeg = TestImages.JpegWithGps(Towns.Lat, Towns.Long);
        var (sendGrid, sendGridType) = TestMail.SendGridParsed("sg@example.org", "Lamp out", "The street lamp is dark", jpeg);
        var (mailgun, mailgunType) = TestMail.Mailgun(SigningKey, "mg@example.org", "Pothole", "A deep pothole on Main", DateTimeOffset.UtcNow);
        var postmark = TestMail.Postmark("pm@example.org", "Graffiti", "Tags on the wall", jpeg);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("postmark:" + Secret));

        var viaSendGrid = await RecordAsync(await PostAsync("sendgrid?key=" + Secret, sendGrid, sendGridType));
        var viaMailgun = await RecordAsync(await PostAsync("mailgun", mailgun, mailgunType));
        var replayed = await PostAsync("mailgun", mailgun, mailgunType);
        var viaPostmark = await RecordAsync(await PostAsync("postmark", postmark, "application/json", basic));

        Assert.Equal(("created", "streetlight"), (viaSendGrid["outcome"]!.GetValue<string>(), viaSendGrid["service_code"]!.GetValue<string>()));
        Assert.Equal(("needs_location", "mg@example.org"), (viaMailgun["outcome"]!.GetValue<string>(), viaMailgun["external_id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(("created", "graffiti"), (viaPostmark["outcome"]!.GetValue<string>(), viaPostmark["service_code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AutomatedMailBecomesARequestButIsNeverAnswered()
    {
        var raw = TestMail.WithInlinePhoto("auto@example.org", TestImages.JpegWithGps(Towns.Lat, Towns.Long), extraHeaders: "Auto-Submitted: auto-generated\r\n");

        var record = await RecordAsync(await PostAsync("mime", raw, "message/rfc822", "Bearer " + Secret));

        Assert.Equal("created", record["outcome"]!.GetValue<string>());
        Assert.Equal("not acknowledged: automated or bulk mail is never answered", record["write_back"]!.GetValue<string>());
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [InlineData("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n")]
    [InlineData("Content-Type: text/plain; charset=x-unknown-charset\r\nSubject: \r\nDate: \r\n\r\n\r\n")]
    [InlineData("\u0000\u0001binary garbage with no headers at all")]
    public async Task ABrokenMessageLeavesAnHonestRecordAndIsKept(string message)
    {
        var response = await PostAsync("mime?key=" + Secret, Encoding.Latin1.GetBytes(message), "message/rfc822");

        var record = await RecordAsync(response);
        Assert.Equal("rejected", record["outcome"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(record["reason"]!.GetValue<string>()));
        Assert.StartsWith("raw-mail/", record["raw"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecretsAreWriteOnlyAndUnknownTypesAreNamed()
    {
        var shown = JsonNode.Parse(await app.Admin().GetStringAsync("/open311/manage/sources/mail"))!;
        var unknown = await app.Admin().PutAsync("/open311/manage/sources/x", new StringContent("""{"type":"fax"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(("(hidden)", "(hidden)"), (shown["secret"]!.GetValue<string>(), shown["mailgun_signing_key"]!.GetValue<string>()));
        var resent = await app.Admin().PutAsync("/open311/manage/sources/mail", new StringContent(shown.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(resent.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("mime?key=" + Secret, TestMail.Plain("kept@example.org", "Pothole", "Deep"), "message/rfc822")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("email, social, ushahidi", await unknown.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string action, byte[] body, string contentType, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/connectors/email/mail/{action}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await app.CreateClient().SendAsync(request);
    }

    private static async Task<JsonNode> RecordAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)![0]!;
    }
}
