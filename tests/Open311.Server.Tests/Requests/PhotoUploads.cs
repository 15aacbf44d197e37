using System.Net;
using System.Net.Http.Headers;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Requests;

public sealed class PhotoUploads(AzuriteFixture azurite) : AppTest(azurite)
{
    // A complete 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private string key = string.Empty;

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        key = await App.IssueKeyAsync();
    }

    [Theory]
    [InlineData("media")]
    [InlineData("media[]")]
    public async Task APhotoBecomesAMediaUrlThatServesTheSameBytes(string field)
    {
        using var form = Multipart(field, Png, "photo.dat", "application/octet-stream");

        var response = await Client.PostAsync("/open311/v2/requests.json", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await JsonOf(response))[0]!["service_request_id"]!.GetValue<string>();
        var request = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{id}.json")))[0]!;
        var url = new Uri(request["media_url"]!.GetValue<string>());
        Assert.Equal(Open311App.PublicBase, url.GetLeftPart(UriPartial.Authority));
        Assert.EndsWith(".png", url.AbsolutePath);
        var photo = await Client.GetAsync(url.PathAndQuery);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedWhateverItsName()
    {
        using var form = Multipart("media", "<html><script>alert(1)</script></html>"u8.ToArray(), "cat.jpg", "image/jpeg");

        var errors = await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", form), 400);

        Assert.Contains("JPEG, PNG, GIF or WebP", errors[0]);
    }

    [Fact]
    public async Task APhotoOverTheLimitIs413()
    {
        var big = new byte[300_000];
        Png.CopyTo(big, 0);
        using var form = Multipart("media", big, "big.png", "image/png");

        await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", form), 413);
    }

    [Fact]
    public async Task UnknownPhotoIs404()
    {
        await AssertXmlErrors(await Client.GetAsync($"/open311/media/{Towns.Riverton}/0123.png"), 404);
    }

    private MultipartFormDataContent Multipart(string field, byte[] bytes, string fileName, string contentType)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(key), "api_key" },
            { new StringContent("sidewalk"), "service_code" },
            { new StringContent(Towns.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lat" },
            { new StringContent(Towns.Long.ToString(System.Globalization.CultureInfo.InvariantCulture)), "long" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return form;
    }
}
