using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>
/// Behind App Service Authentication the console needs no key: the platform's principal header (added here to every
/// request of the browser, as App Service adds it after sign-in) names the clerk, whose group maps to Riverton.
/// </summary>
public sealed class AClerkSignsInWithEntra(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    private const string ClerksGroup = "6f1a9c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    protected override Dictionary<string, string> Settings => new()
    {
        ["Open311:TrustAppServiceAuthentication"] = "true",
        ["Open311:StaffGroups"] = $"{ClerksGroup}={Towns.Riverton}",
    };

    [Fact]
    public async Task ASignedInClerkGoesStraightToTheirInboxAndIsNamedInTheHistory()
    {
        var id = await PostRequestAsync("Pothole at the bus stop", extra: ("attribute[size]", "small"));
        var page = await NewPageAsync();
        var principal = new JsonObject
        {
            ["auth_typ"] = "aad",
            ["claims"] = new JsonArray(
                new JsonObject { ["typ"] = "name", ["val"] = "Jo Clerk" },
                new JsonObject { ["typ"] = "preferred_username", ["val"] = "jo@riverton.example" },
                new JsonObject { ["typ"] = "groups", ["val"] = ClerksGroup }),
        };
        await page.Context.SetExtraHTTPHeadersAsync([new("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal.ToJsonString())))]);

        await page.GotoAsync($"/open311/console/#/request/{id}");
        await Expect(page.Locator("#who")).ToContainTextAsync("Jo Clerk");
        await Expect(page.Locator("#signin")).ToBeHiddenAsync();
        await page.FillAsync("#r-note", "Spoke to the bus company.");
        await page.ClickAsync("#r-add-note");
        await Expect(page.Locator("#r-history")).ToContainTextAsync("Jo Clerk (jo@riverton.example)");

        var stored = JsonNode.Parse(await Staff(ClerkKey).GetStringAsync($"/open311/manage/requests/{id}?jurisdiction_id={Towns.Riverton}"))!;
        var note = stored["notes"]!.AsArray().Last()!;
        Assert.Equal(("internal", "Jo Clerk (jo@riverton.example)", "Spoke to the bus company."), (note["type"]!.GetValue<string>(), note["by"]!.GetValue<string>(), note["description"]!.GetValue<string>()));
    }
}
