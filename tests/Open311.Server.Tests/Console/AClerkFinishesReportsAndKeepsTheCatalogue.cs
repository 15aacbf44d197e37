using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Open311.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Open311.Server.Tests.Console;

/// <summary>
/// The clerk's other work in a real browser: placing a report that came without a place with a click on the town map
/// (it becomes a request), editing a service's attributes, and seeing the town boundary drawn.
/// </summary>
public sealed class AClerkFinishesReportsAndKeepsTheCatalogue(AzuriteFixture azurite, Chromium chromium, ITestOutputHelper output) : ConsoleTest(azurite, chromium, output)
{
    [Fact]
    public async Task AReportWithoutAPlaceIsPlacedOnTheMapAndBecomesARequest()
    {
        var intakeId = await MailWithoutAPlaceAsync("duck-pond@example.org", "The lamp by the duck pond is out again");
        var page = await SignInAsync(ClerkKey);
        await page.ClickAsync("#nav-intake");
        var item = page.Locator($"#intake-place li[data-intake='{intakeId}']");
        await Expect(item).ToContainTextAsync("duck pond");
        await AssertAccessibleAsync(page, "the queue of reports without a place");

        await item.Locator(".select-intake").ClickAsync();
        await Expect(page.Locator("#i-report")).ToContainTextAsync("duck pond");
        await Expect(page.Locator("#i-report")).Not.ToContainTextAsync("undefined");
        var map = page.Locator("#i-map");
        await Expect(map.Locator(".leaflet-overlay-pane path").First).ToBeVisibleAsync();
        var box = (await map.BoundingBoxAsync())!;

        // The map is fitted to Riverton's outline: its middle is inside the town.
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Expect(page.Locator("#i-lat")).Not.ToHaveValueAsync(string.Empty);
        var lat = double.Parse(await page.InputValueAsync("#i-lat"), System.Globalization.CultureInfo.InvariantCulture);
        var lon = double.Parse(await page.InputValueAsync("#i-long"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lat, 44.17, 44.23);
        Assert.InRange(lon, -72.61, -72.51);
        await page.SelectOptionAsync("#i-service", "streetlight");
        await ScreenshotAsync(page, "console-place-a-report");
        await page.ClickAsync("#i-resolve");
        await Expect(page.Locator("#message")).ToContainTextAsync("Became request");
        await Expect(item).ToHaveCountAsync(0);

        var record = JsonNode.Parse(await Staff(ClerkKey).GetStringAsync($"/open311/manage/intake/{Uri.EscapeDataString(intakeId)}"))!;
        Assert.Equal("created", record["outcome"]!.GetValue<string>());
        var request = JsonNode.Parse(await Staff(ClerkKey).GetStringAsync($"/open311/manage/requests/{record["service_request_id"]!.GetValue<string>()}?jurisdiction_id={Towns.Riverton}"))!;
        Assert.Equal("streetlight", request["service_code"]!.GetValue<string>());
        Assert.Equal(lat, request["lat"]!.GetValue<double>(), 5);
        Assert.Contains("duck pond", request["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task AClerkAddsAListAttributeToAService()
    {
        var definitionUrl = $"/open311/v2/services/pothole.json?jurisdiction_id={Towns.Riverton}";
        var questions = JsonNode.Parse(await Http().GetStringAsync(definitionUrl))!["attributes"]!.AsArray().Count;
        var page = await SignInAsync(ClerkKey);
        await page.ClickAsync("#nav-services");
        await page.SelectOptionAsync("#s-service", "pothole");
        await Expect(page.Locator("#s-name")).ToHaveValueAsync("Pothole");
        await AssertAccessibleAsync(page, "the service editor");

        var before = await page.Locator("#s-attributes tr.attribute").CountAsync();
        await page.ClickAsync("#s-add-attribute");
        var added = page.Locator("#s-attributes tr.attribute").Nth(before);
        await added.Locator("[name=code]").FillAsync("surface");
        await added.Locator("[name=description]").FillAsync("What is the road made of?");
        await added.Locator("[name=datatype]").SelectOptionAsync("multivaluelist");
        await added.Locator("[name=values]").FillAsync("asphalt=Asphalt\ngravel=Gravel");
        await ScreenshotAsync(page, "console-services");
        await page.ClickAsync("#s-save");
        await Expect(page.Locator("#message")).ToContainTextAsync("Saved");

        // The public service definition now asks the new question, with its values.
        var definition = JsonNode.Parse(await Http().GetStringAsync(definitionUrl))!;
        var surface = definition["attributes"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "surface")!;
        Assert.Equal(("multivaluelist", "What is the road made of?"), (surface["datatype"]!.GetValue<string>(), surface["description"]!.GetValue<string>()));
        Assert.Equal(["asphalt", "gravel"], surface["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));
        Assert.Equal(questions + 1, definition["attributes"]!.AsArray().Count);
    }

    [Fact]
    public async Task TheBoundaryIsDrawnAndAnUploadIsPreviewed()
    {
        var page = await SignInAsync(ClerkKey);
        await page.ClickAsync("#nav-boundary");
        await Expect(page.Locator("#b-map .leaflet-overlay-pane path").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the boundary page");
        var file = Path.Combine(Path.GetTempPath(), $"boundary-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, """{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-72.62,44.16],[-72.50,44.16],[-72.50,44.25],[-72.62,44.25],[-72.62,44.16]]]}}""");
        await page.SetInputFilesAsync("#b-file", file);
        await Expect(page.Locator("#b-state")).ToContainTextAsync("not saved");
        await ScreenshotAsync(page, "console-boundary");
        await page.ClickAsync("#b-save");
        await Expect(page.Locator("#message")).ToContainTextAsync("Saved");

        var town = JsonNode.Parse(await Http().GetStringAsync($"/open311/towns/{Towns.Riverton}"))!;
        Assert.Contains("-72.62", town["boundary"]!.ToJsonString());
        File.Delete(file);
    }
}
