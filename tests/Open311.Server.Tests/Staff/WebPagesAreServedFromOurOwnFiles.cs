using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Staff;

/// <summary>The console's and tracker's pages and files come from this server (no CDN), compressed, with a strict CSP.</summary>
public sealed class WebPagesAreServedFromOurOwnFiles(AzuriteFixture azurite) : AppTest(azurite)
{
    [Theory]
    [InlineData("/open311/console")]
    [InlineData("/open311/console/")]
    [InlineData("/open311/track")]
    public async Task PagesAreHtmlThatLoadsOnlyOurOwnScripts(string path)
    {
        var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("/open311/web/leaflet.js", html);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);
    }

    [Fact]
    public async Task FilesComeGzippedToBrowsersAndPlainToOthers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/web/leaflet.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzipped = await Client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        var packed = await gzipped.Content.ReadAsByteArrayAsync();
        using var unpacked = new StreamReader(new GZipStream(new MemoryStream(packed), CompressionMode.Decompress));
        var text = await unpacked.ReadToEndAsync();
        Assert.Contains("Leaflet", text);
        Assert.True(packed.Length < text.Length / 2, $"{packed.Length} bytes compressed of {text.Length}");

        var plain = await Client.GetStringAsync("/open311/web/strings.en.json");
        Assert.NotNull(JsonNode.Parse(plain));
        await AssertXmlErrors(await Client.GetAsync("/open311/web/console.html"), 404);
        await AssertXmlErrors(await Client.GetAsync("/open311/web/Open311.Api.dll"), 404);
    }

    [Fact]
    public async Task ATownsMapDataIsItsNameAndBoundaryOnly()
    {
        await App.PutRivertonAsync();
        var town = await JsonOf(await Client.GetAsync($"/open311/towns/{Towns.Riverton}"));
        Assert.Equal(["id", "name", "boundary"], town.AsObject().Select(p => p.Key));
        Assert.Equal("Polygon", town["boundary"]!["type"]!.GetValue<string>());
        await AssertJsonErrors(await Client.GetAsync("/open311/towns/nowhere.example"), 404);
    }
}
