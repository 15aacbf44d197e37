using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>A resident on a phone follows the link from their acknowledgement: status, public history, the map — nobody's name.</summary>
public sealed class AResidentTracksARequest(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    [Fact]
    public async Task AResidentSeesStatusHistoryAndMapButNoPersonalData()
    {
        var id = await PostRequestAsync("Pothole at 12 Main Street", extra: ("attribute[size]", "medium"));
        await PatchAsClerkAsync(id, """{"status":"in_progress","status_notes":"A crew is booked for Thursday.","note":"Internal: Ann called twice"}""");
        await PostRequestAsync("Graffiti on the library wall", "graffiti", ("attribute[surface]", "wall"));

        var page = await NewPageAsync(390, 844);
        await page.GotoAsync($"/open311/track?jurisdiction_id={Towns.Riverton}&id={id}");
        await Expect(page.Locator("#t-status")).ToContainTextAsync("progress", new() { IgnoreCase = true });
        await Expect(page.Locator("#t-status-notes")).ToContainTextAsync("A crew is booked for Thursday.");
        await Expect(page.Locator("#t-notes")).ToContainTextAsync("in_progress");
        await Expect(page.Locator("#t-map .leaflet-overlay-pane path").First).ToBeVisibleAsync();
        await Expect(page.Locator("#t-recent li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#t-town-map .leaflet-overlay-pane path")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync(page, "tracker-phone");
        await AssertAccessibleAsync(page, "the tracker");

        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        foreach (var personal in new[] { "ann.resident@example.org", "Quackenbush", "555-0100", "Ann called", "Dana" })
        {
            Assert.DoesNotContain(personal, text);
            Assert.DoesNotContain(personal, html);
        }

        await page.FillAsync("#t-id", "99999");
        await page.ClickAsync("#t-go");
        await Expect(page.Locator("#message")).ToContainTextAsync("No request with that number");
    }

    [Fact]
    public async Task ATownPageShowsRecentRequestsOnTheMap()
    {
        await PostRequestAsync("Pothole on Elm Street", extra: ("attribute[size]", "small"));
        var page = await NewPageAsync();
        await page.GotoAsync($"/open311/track?jurisdiction_id={Towns.Riverton}");
        await Expect(page.Locator("#t-town-section")).ToContainTextAsync("Town of Riverton");
        await Expect(page.Locator("#t-recent li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#t-legend")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "tracker-town");
        await AssertAccessibleAsync(page, "the town page");
        var town = JsonNode.Parse(await Http().GetStringAsync($"/open311/towns/{Towns.Riverton}"))!;
        Assert.Equal("Town of Riverton", town["name"]!.GetValue<string>());
    }
}
