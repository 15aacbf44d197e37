using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>The console without a mouse and on a phone-sized screen.</summary>
public sealed class TheConsoleWorksOnAPhoneAndByKeyboard(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    [Fact]
    public async Task AClerkSignsInOpensAndClosesARequestWithTheKeyboardOnly()
    {
        var id = await PostRequestAsync("Pothole by the post office", extra: ("attribute[size]", "medium"));
        var page = await NewPageAsync();
        await page.GotoAsync("/open311/console/");

        await TabToAsync(page, "#key");
        await page.Keyboard.TypeAsync(ClerkKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#inbox tr[data-id='{id}']")).ToBeVisibleAsync();

        await TabToAsync(page, $"#inbox tr[data-id='{id}'] a");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#r-description")).ToContainTextAsync("post office");

        await TabToAsync(page, "#r-status");
        await page.Keyboard.PressAsync("End");
        Assert.Equal("closed", await page.InputValueAsync("#r-status"));
        await TabToAsync(page, "#r-status-notes");
        await page.Keyboard.TypeAsync("Patched.");
        await TabToAsync(page, "#r-save");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#message")).ToContainTextAsync("Saved");

        var stored = JsonNode.Parse(await Staff(ClerkKey).GetStringAsync($"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}"))!;
        Assert.Equal(("closed", "Patched."), (stored["status"]!.GetValue<string>(), stored["status_notes"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheInboxAndARequestFitAPhoneScreen()
    {
        var id = await PostRequestAsync("Pothole on the hill road", extra: ("attribute[size]", "large"));
        var page = await SignInAsync(ClerkKey, 390, 844);
        await Expect(page.Locator($"#inbox tr[data-id='{id}']")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await ScreenshotAsync(page, "console-phone");
        await AssertAccessibleAsync(page, "the inbox on a phone");

        await page.Locator($"#inbox tr[data-id='{id}'] a").ClickAsync();
        await Expect(page.Locator("#r-description")).ToContainTextAsync("hill road");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the request page scrolls sideways");
        await AssertAccessibleAsync(page, "a request on a phone");
    }

    /// <summary>Presses Tab until the element has the focus (at most 80 times): what a keyboard user would do.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        for (var presses = 0; presses < 80; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} cannot be reached with Tab");
    }
}
