using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>The interactive docs page in a real browser: the operations render, and "GET services" runs from the page.</summary>
public sealed class TheInteractiveDocsWork(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    [Fact]
    public async Task GetServicesRunsFromTheDocsPage()
    {
        var page = await NewPageAsync(1300, 1400);
        await page.GotoAsync("/open311/docs");
        const string operation = "#operations-GeoReport_v2-GetServices";
        await page.Locator(operation).WaitForAsync(new() { Timeout = 20_000 });
        Assert.True(await page.Locator(".opblock").CountAsync() > 30, "every route is an operation");

        await page.ClickAsync($"{operation} .opblock-summary-control");
        var tryOut = page.Locator($"{operation} .try-out__btn");
        await Expect(tryOut).ToBeVisibleAsync();
        // The page opens operations in "try it out" mode already (its button then says Cancel).
        if ((await tryOut.InnerTextAsync()).Contains("Try", StringComparison.OrdinalIgnoreCase))
        {
            await tryOut.ClickAsync();
        }

        await Expect(page.Locator($"{operation} .execute")).ToBeVisibleAsync();

        // The parameters come filled with the document's examples (riverton.example); the format is picked.
        await page.Locator($"{operation} tr[data-param-name='format'] select").SelectOptionAsync("json");
        await page.ClickAsync($"{operation} .execute");
        var status = page.Locator($"{operation} .live-responses-table tbody .response-col_status").First;
        await Expect(status).ToHaveTextAsync("200", new() { Timeout = 20_000 });
        await Expect(page.Locator($"{operation} .live-responses-table .microlight").First).ToContainTextAsync("pothole");
        await page.Locator(operation).ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "docs-get-services", fullPage: false);
    }
}
