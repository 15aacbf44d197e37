using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>A clerk in a real browser: signs in with a staff key, sees a new report, opens it and closes it with a note.</summary>
public sealed class AClerkWorksTheInbox(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    [Fact]
    public async Task AClerkSeesANewReportOpensItAndClosesItWithANote()
    {
        var id = await PostRequestAsync("Deep pothole outside the school gate", extra: ("attribute[size]", "large"));
        var page = await SignInAsync(ClerkKey);

        var row = page.Locator($"#inbox tr[data-id='{id}']");
        await Expect(row).ToContainTextAsync("Deep pothole outside the school gate");
        await Expect(page.Locator("#who")).ToContainTextAsync("Dana (clerk)");
        await ScreenshotAsync(page, "console-inbox");
        await AssertAccessibleAsync(page, "the inbox");

        await row.Locator("a").First.ClickAsync();
        await Expect(page.Locator("#r-description")).ToContainTextAsync("Deep pothole outside the school gate");
        await Expect(page.Locator("#r-requester")).ToContainTextAsync("ann.resident@example.org");
        await Expect(page.Locator("#r-attributes")).ToContainTextAsync("large");
        await Expect(page.Locator("#request")).Not.ToContainTextAsync("undefined");
        await Expect(page.Locator("#r-map .leaflet-overlay-pane path").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "console-request");
        await AssertAccessibleAsync(page, "a request page");

        await page.SelectOptionAsync("#r-status", "closed");
        await page.FillAsync("#r-status-notes", "Filled with hot asphalt on Tuesday.");
        await page.ClickAsync("#r-save");
        await Expect(page.Locator("#message")).ToContainTextAsync("Saved");
        await page.FillAsync("#r-note", "Crew 2; check again in spring.");
        await page.ClickAsync("#r-add-note");
        await Expect(page.Locator("#r-history")).ToContainTextAsync("Crew 2; check again in spring.");
        await Expect(page.Locator("#r-history")).ToContainTextAsync("Dana (clerk)");

        // What the browser did is what the server kept: closed, with the clerk named in the history.
        var stored = JsonNode.Parse(await Staff(ClerkKey).GetStringAsync($"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}"))!;
        Assert.Equal(("closed", "Filled with hot asphalt on Tuesday."), (stored["status"]!.GetValue<string>(), stored["status_notes"]!.GetValue<string>()));
        Assert.Contains(stored["notes"]!.AsArray(), n => n!["type"]!.GetValue<string>() == "closed" && n["by"]?.GetValue<string>() == "Dana (clerk)");
        Assert.Contains(stored["notes"]!.AsArray(), n => n!["type"]!.GetValue<string>() == "internal");
    }

    [Fact]
    public async Task AStaleTabIsToldAndOverwritesNothing()
    {
        var id = await PostRequestAsync("Pothole next to the leaning streetlight", extra: ("attribute[size]", "small"));
        var first = await SignInAsync(ClerkKey);
        var second = await SignInAsync(ClerkKey);
        foreach (var tab in new[] { first, second })
        {
            await tab.GotoAsync($"/open311/console/#/request/{id}");
            await Expect(tab.Locator("#r-description")).ToContainTextAsync("leaning streetlight");
        }

        await first.SelectOptionAsync("#r-status", "in_progress");
        await first.FillAsync("#r-status-notes", "Crew on the way.");
        await first.ClickAsync("#r-save");
        await Expect(first.Locator("#message")).ToContainTextAsync("Saved");

        await second.SelectOptionAsync("#r-status", "closed");
        await second.FillAsync("#r-status-notes", "Nothing to do.");
        await second.ClickAsync("#r-save");
        await Expect(second.Locator("#message")).ToContainTextAsync("changed since you opened it");
        await Expect(second.Locator("#r-status-notes")).ToHaveValueAsync("Nothing to do.");
        await ScreenshotAsync(second, "console-stale-tab");

        var stored = JsonNode.Parse(await Staff(ClerkKey).GetStringAsync($"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}"))!;
        Assert.Equal(("open", "in_progress", "Crew on the way."), (stored["status"]!.GetValue<string>(), stored["extended_status"]!.GetValue<string>(), stored["status_notes"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheInboxFiltersAndCountsWhatIsNewSinceTheLastVisit()
    {
        await PostRequestAsync("Pothole on Elm Street", extra: ("attribute[size]", "small"));
        var page = await SignInAsync(ClerkKey);
        await Expect(page.Locator("#inbox tr[data-id]")).ToHaveCountAsync(1);

        await PostRequestAsync("Pothole on Oak Street", extra: ("attribute[size]", "medium"));
        await PostRequestAsync("Graffiti on the bridge", "graffiti", ("attribute[surface]", "wall"));
        await page.ReloadAsync();
        await Expect(page.Locator("#new-count")).ToContainTextAsync("2");
        await Expect(page.Locator("#inbox tr[data-id]")).ToHaveCountAsync(3);

        await page.FillAsync("#f-text", "oak");
        await page.ClickAsync("#f-apply");
        await Expect(page.Locator("#inbox tr[data-id]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#inbox")).ToContainTextAsync("Oak Street");

        await page.FillAsync("#f-text", string.Empty);
        await page.SelectOptionAsync("#f-service", "graffiti");
        await page.ClickAsync("#f-apply");
        await Expect(page.Locator("#inbox tr[data-id]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#inbox")).ToContainTextAsync("bridge");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("ann.resident@example.org", csv);
        Assert.Contains("Graffiti on the bridge", csv);
        Assert.DoesNotContain("Elm Street", csv);
    }

    /// <summary>The inbox's first load from a new browser (sign-in included): everything fetched, as sent over the wire.</summary>
    [Fact]
    public async Task TheInboxFirstLoadIsUnder200KilobytesCompressed()
    {
        await PostRequestAsync("Pothole by the library", extra: ("attribute[size]", "large"));
        var page = await NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync("/open311/console/");
        await page.FillAsync("#key", ClerkKey);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#inbox tr[data-id]")).ToHaveCountAsync(1);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long total = 0;
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            Output.WriteLine($"{sizes.ResponseBodySize + sizes.ResponseHeadersSize,8:N0} B  {response.Url}");
        }

        Output.WriteLine($"{total:N0} bytes in {responses.Count} responses");
        Assert.True(responses.Count >= 5, "the page, its scripts, styles, strings and API answers");
        Assert.True(total < 200 * 1024, $"{total:N0} bytes");
    }
}
