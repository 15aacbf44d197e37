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
        await page.ClickAsync($"{operation} .try-out__btn");
        await page.Locator($"{operation} input[placeholder='jurisdiction_id']").FillAsync(Towns.Riverton);
        var format = page.Locator($"{operation} select");
        if (await format.CountAsync() > 0)
        {
            await format.First.SelectOptionAsync("json");
        }
        await page.ClickAsync($"{operation} .execute");
        var status = page.Locator($"{operation} .live-responses-table .response-col_status").First;
        await Expect(status).ToHaveTextAsync("200", new() { Timeout = 20_000 });
        await Expect(page.Locator($"{operation} .live-responses-table .microlight").First).ToContainTextAsync("pothole");
        await ScreenshotAsync(page, "docs-get-services");
    }
}
