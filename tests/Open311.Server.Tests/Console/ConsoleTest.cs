using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;
using Xunit.Abstractions;

namespace Open311.Server.Tests.Console;

/// <summary>
/// Base of the browser tests: the Kestrel host on a real loopback socket over Azurite with Riverton (the sample
/// town, boundary and services) and a second town, a staff key for each, and an e-mail source whose reports wait for
/// a place; Chromium opens the pages as a clerk or a resident would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public abstract class ConsoleTest(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>, IAsyncLifetime
{
    public const string Other = "other.example";
    protected const string MailSecret = "a-long-mail-secret-0123456789";

    protected Open311App App { get; private set; } = null!;

    protected string BaseUrl { get; private set; } = null!;

    protected string ClerkKey { get; private set; } = null!;

    protected string OtherTownKey { get; private set; } = null!;

    protected Chromium Chromium => chromium;

    protected ITestOutputHelper Output => output;

    /// <summary>Settings of the app under test beyond the defaults.</summary>
    protected virtual Dictionary<string, string> Settings => [];

    public async Task InitializeAsync()
    {
        // Every page load makes a handful of manage calls from 127.0.0.1: the per-address limit is for the public.
        var settings = new Dictionary<string, string> { ["Open311:ManagePerMinute"] = "100000" };
        foreach (var (name, value) in Settings)
        {
            settings[name] = value;
        }

        App = new Open311App(azurite.ConnectionString, settings: settings);
        BaseUrl = App.StartOnLoopback();
        await App.PutRivertonAsync();
        Assert.True((await App.PutTownAsync(Other, Towns.Minimal("Other Town"))).IsSuccessStatusCode);
        ClerkKey = await IssueStaffKeyAsync("Dana (clerk)", Towns.Riverton);
        OtherTownKey = await IssueStaffKeyAsync("Olly (other town)", Other);
        await App.PutRivertonMailSourceAsync("mail", MailSecret);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected HttpClient Http() => new() { BaseAddress = new Uri(BaseUrl) };

    protected HttpClient Staff(string key)
    {
        var client = Http();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A resident's request through the public API, with their name and e-mail; answers its id.</summary>
    protected async Task<string> PostRequestAsync(string description, string service = "pothole", params (string, string)[] extra)
    {
        var key = await App.IssueKeyAsync();
        var response = await Http().PostAsync("/open311/v2/requests.json", Forms.Request(key, service, Forms.InRiverton([("jurisdiction_id", Towns.Riverton), ("description", description), ("email", "ann.resident@example.org"), ("first_name", "Ann"), ("last_name", "Quackenbush"), ("phone", "555-0100"), .. extra])));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body[0]!["service_request_id"]!.GetValue<string>();
    }

    /// <summary>A staff change through the manage API as the clerk (read, then PATCH with its ETag).</summary>
    protected async Task PatchAsClerkAsync(string id, string json)
    {
        var url = $"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}";
        var etag = (await Staff(ClerkKey).GetAsync(url)).Headers.ETag!.ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await Staff(ClerkKey).SendAsync(patch);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A resident's e-mail that says nothing of where: it waits in Riverton's queue as needs_location.</summary>
    protected async Task<string> MailWithoutAPlaceAsync(string messageId, string text)
    {
        var response = await Http().PostAsync($"/open311/connectors/email/mail/mime?key={MailSecret}", new ByteArrayContent(TestMail.Plain(messageId, "Something is wrong", text, to: "potholes+riverton@reports.example")));
        var record = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, record.ToJsonString());
        var intake = record is JsonArray list ? list[0]! : record;
        Assert.Equal("needs_location", intake["outcome"]!.GetValue<string>());
        return intake["intake_id"]!.GetValue<string>();
    }

    protected async Task<IPage> SignInAsync(string key, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/open311/console/");
        await page.FillAsync("#key", key);
        await page.ClickAsync("#sign-in");
        await page.Locator("#app").WaitForAsync();
        return page;
    }

    /// <summary>A new page whose console messages and script errors go to the test's output.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var page = await Chromium.NewPageAsync(BaseUrl, width, height);
        page.Console += (_, message) => output.WriteLine($"browser {message.Type}: {message.Text}");
        page.PageError += (_, error) => output.WriteLine($"browser error: {error}");
        return page;
    }

    /// <summary>axe-core on the page as it stands: no serious or critical violation.</summary>
    protected async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var v in result.Violations)
        {
            output.WriteLine($"axe on {what}: {v.Impact} {v.Id} — {v.Help} ({v.Nodes.Length} nodes: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))})");
        }

        Assert.True(bad.Count == 0, $"axe on {what}: " + string.Join("; ", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    protected static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, name + ".png"), FullPage = fullPage });

    private async Task<string> IssueStaffKeyAsync(string name, string town)
    {
        var response = await App.Admin().PostAsJsonAsync("/open311/manage/staff-keys", new { name, jurisdictions = new[] { town } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["staff_key"]!.GetValue<string>();
    }
}
