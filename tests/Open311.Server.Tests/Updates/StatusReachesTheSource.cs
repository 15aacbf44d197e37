using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;
using Open311.Server.Tests.Connectors;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Updates;

/// <summary>
/// A status change of a request that a report became reaches the report's source: the crisis map's post (its
/// write-back field, against the stand-in deployment that checks the platform's signature) and the resident who
/// e-mailed it (a real SMTP listener on loopback). A source that is down gets the change later.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatusReachesTheSource(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string MailSecret = "riverton-mail-secret-0123456789";

    private readonly LoopbackSmtpServer smtp = new();
    private FakeUshahidi deployment = null!;
    private Open311App app = null!;

    public async Task InitializeAsync()
    {
        deployment = await FakeUshahidi.StartAsync();
        var settings = Open311App.LoopbackAllowed;
        settings["Mail:Provider"] = "Smtp";
        settings["Mail:SmtpHost"] = "127.0.0.1";
        settings["Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:SmtpSecurity"] = "None";
        app = new Open311App(azurite.ConnectionString, settings: settings);
        await app.PutRivertonAsync();
        await PutSourceAsync("crisis", new JsonObject
        {
            ["type"] = "ushahidi", ["deployment_url"] = deployment.BaseUrl, ["api_version"] = "v5",
            ["webhook_url"] = "https://hub.example.org/hook", ["webhook_secret"] = "s3cret",
            ["category_map"] = new JsonObject { ["tag:12"] = "pothole" },
            ["write_back"] = new JsonObject { ["api_key"] = "deployment-api-key", ["shared_secret"] = FakeUshahidi.PlatformSecret, ["field_key"] = "open311_id" },
        });
        await PutSourceAsync("mail", new JsonObject
        {
            ["type"] = "email", ["secret"] = MailSecret, ["triage_service"] = "general_feedback",
            ["acknowledge"] = true, ["reply_from"] = "311@riverton.example", ["reply_name"] = "Riverton 311",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await deployment.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task TheCrisisMapsPostShowsEachNewStatusAndADownDeploymentGetsItLater()
    {
        deployment.Posts.Add(5);
        Assert.True((await app.Admin().PostAsync("/open311/manage/sources/crisis/poll", null)).IsSuccessStatusCode);
        var id = (await Intake("crisis:5"))["service_request_id"]!.GetValue<string>();

        await app.PatchRequestAsync(id, """{"status":"in_progress","status_notes":"Crew booked for Tuesday"}""");
        Assert.Equal($"311 request {id}: in_progress — Crew booked for Tuesday", Written(5));

        deployment.WriteBackDown = true;
        await app.PatchRequestAsync(id, """{"status":"fixed","status_notes":"Filled"}""");
        var waiting = await Intake("crisis:5");
        Assert.Equal("fixed", waiting["pending_notice"]!["status"]!.GetValue<string>());
        Assert.Contains(waiting["notes"]!.AsArray(), n => n!["summary"]!.GetValue<string>().StartsWith("Status fixed not passed on yet: the write-back failed: the deployment answered 503", StringComparison.Ordinal));
        Assert.Equal($"311 request {id}: in_progress — Crew booked for Tuesday", Written(5));

        deployment.WriteBackDown = false;
        var retried = await app.Services.GetRequiredService<SourceNotices>().RetryPendingAsync(10, CancellationToken.None);

        Assert.Equal(1, retried);
        Assert.Equal($"311 request {id}: fixed — Filled", Written(5));
        var done = await Intake("crisis:5");
        Assert.Null(done["pending_notice"]);
        Assert.Contains(done["notes"]!.AsArray(), n => n!["summary"]!.GetValue<string>() == "Status fixed: written back to the post");
    }

    [Fact]
    public async Task TheResidentWhoEmailedHearsWhatBecameOfTheirReportInTheSameThread()
    {
        var raw = TestMail.WithInlinePhoto("status-1@example.org", TestImages.JpegWithGps(Towns.Lat, Towns.Long));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/connectors/email/mail/mime?key={MailSecret}") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("message/rfc822");
        var record = JsonNode.Parse(await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync())![0]!;
        var id = record["service_request_id"]!.GetValue<string>();
        Assert.Single(smtp.Messages);

        using var update = Forms.Of(("api_key", await app.IssueKeyAsync()), ("service_request_id", id), ("update_id", "city-77"), ("status", "FIXED"), ("updated_datetime", "2026-03-04T09:00:00Z"), ("description", "Pothole filled this morning"));
        Assert.True((await app.CreateClient().PostAsync("/open311/v2/servicerequestupdates.xml", update)).IsSuccessStatusCode);

        Assert.Equal(2, smtp.Messages.Count);
        var told = smtp.Messages.Last();
        Assert.Equal(["ana@example.org"], told.To);
        var text = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(told.Data))).TextBody;
        Assert.Contains($"(request {id} with riverton.example) is now: fixed.", text);
        Assert.Contains("Pothole filled this morning", text);
        Assert.Contains("In-Reply-To: <status-1@example.org>", told.Data);
        Assert.Contains("Auto-Submitted: auto-replied", told.Data);
    }

    private string Written(int post) => JsonNode.Parse(deployment.WrittenBack[post])!["values"]!["open311_id"]![0]!.GetValue<string>();

    private async Task<JsonNode> Intake(string intakeId) =>
        JsonNode.Parse(await app.Admin().GetStringAsync($"/open311/manage/intake/{intakeId}"))!;

    private async Task PutSourceAsync(string id, JsonObject source)
    {
        var saved = await app.Admin().PutAsync($"/open311/manage/sources/{id}", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
