using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>A staff key of another town, in the same console: none of Riverton's requests, reports or pages.</summary>
public sealed class AnotherTownsStaffSeeNothingOfThisOne(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    [Fact]
    public async Task TheOtherTownsClerkSeesOnlyTheirOwnTown()
    {
        var id = await PostRequestAsync("Pothole behind the Riverton fire station", extra: ("attribute[size]", "small"));
        await MailWithoutAPlaceAsync("riverton-only@example.org", "A fallen branch somewhere in Riverton");
        var page = await SignInAsync(OtherTownKey);

        Assert.Equal([Other], await page.Locator("#town option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();
        await page.ClickAsync("#nav-intake");
        await Expect(page.Locator("#intake-place-empty")).ToBeVisibleAsync();

        // Asking for Riverton's request by its address gets the server's refusal, not the request.
        await page.GotoAsync($"/open311/console/#/request/{id}");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        var refused = await page.EvaluateAsync<int>($"async () => (await fetch('/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}', {{ headers: {{ Authorization: 'Bearer ' + sessionStorage.getItem('open311.staffKey') }} }})).status");
        Assert.Equal(403, refused);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("fire station", text);
        Assert.DoesNotContain("fallen branch", text);
        Assert.DoesNotContain("ann.resident", text);
    }
}
