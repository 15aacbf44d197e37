using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Protocol;

public sealed class ErrorAnswers(AzuriteFixture azurite) : AppTest(azurite)
{
    private static readonly string[] Hostile =
    [
        "' or PartitionKey ne '' or '",
        "riverton.example' or 1 eq 1",
        "../../etc/passwd",
        "a/b\\c#d?e",
        "%00%01%1F",
        "\u0000\u0007",
        "<script>alert(1)</script>",
        "]]><x>",
        "𝓤𝓷𝓲𝓬𝓸𝓭𝓮 ✓ ünïcödé",
        "9999999999999999999999999",
        "-1",
        "1e309",
        "NaN",
        ",,,",
        "open,closed,,unknown",
        "2026-13-45T99:99:99Z",
        "\uFFFF\uFFFE",
        "",
        " ",
    ];

    private static readonly string[] Parameters =
    [
        "jurisdiction_id", "service_code", "service_request_id", "status", "start_date", "end_date", "updated_after",
        "updated_before", "page", "page_size", "extensions",
    ];

    [Fact]
    public async Task UnknownPathsAre404InTheFormatOfTheirSuffix()
    {
        await AssertXmlErrors(await Client.GetAsync("/open311/v2/nothing.xml"), 404);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/nothing.json"), 404);
        await AssertXmlErrors(await Client.GetAsync("/"), 404);
    }

    [Fact]
    public async Task AWrongMethodIs405WithAnErrorBody()
    {
        await AssertJsonErrors(await Client.DeleteAsync("/open311/v2/requests.json"), 405);
        await AssertXmlErrors(await Client.PutAsync("/open311/v2/services.xml", new StringContent("x")), 405);
    }

    [Fact]
    public async Task AnUnknownFormatSuffixIs404InXml()
    {
        await App.PutRivertonAsync();

        var errors = await AssertXmlErrors(await Client.GetAsync("/open311/v2/services.html"), 404);

        Assert.Contains("use .xml or .json", errors[0]);
    }

    [Fact]
    public async Task HostileValuesInEveryParameterGetOpen311Answers()
    {
        await App.PutRivertonAsync();
        var paths = new[] { "/open311/v2/requests", "/open311/v2/services", "/open311/v2/services/pothole", "/open311/v2/requests/1", "/open311/v2/tokens/abc", "/open311/discovery" };
        foreach (var path in paths)
        {
            foreach (var name in Parameters)
            {
                foreach (var value in Hostile)
                {
                    foreach (var format in new[] { "xml", "json" })
                    {
                        var url = $"{path}.{format}?{name}={Uri.EscapeDataString(value)}";
                        await AssertOpen311Answer(await Client.GetAsync(url), format, url);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task HostileValuesInEveryFormFieldGetOpen311Answers()
    {
        await App.PutRivertonAsync();
        var key = await App.IssueKeyAsync(rate: 100_000);
        var fields = new[] { "service_code", "lat", "long", "address_string", "address_id", "email", "first_name", "last_name", "phone", "device_id", "account_id", "description", "media_url", "attribute[size]", "attribute[fixmystreet_id]", "jurisdiction_id", "api_key" };
        foreach (var field in fields)
        {
            foreach (var value in Hostile)
            {
                var form = new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "pothole", ["lat"] = "44.2", ["long"] = "-72.57", ["attribute[size]"] = "small" };
                form[field] = value;
                var response = await Client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form));
                await AssertOpen311Answer(response, "json", $"{field}={value}");
            }
        }
    }

    [Fact]
    public async Task MalformedMultipartBodiesAre400NotServerErrors()
    {
        await App.PutRivertonAsync();
        using var truncated = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n"u8.ToArray());
        truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        using var noBoundary = new ByteArrayContent("abc"u8.ToArray());
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        await AssertJsonErrors(await Client.PostAsync("/open311/v2/requests.json", truncated), 400);
        await AssertXmlErrors(await Client.PostAsync("/open311/v2/requests.xml", noBoundary), 400);
    }

    [Fact]
    public async Task HostileRouteValuesGetOpen311Answers()
    {
        await App.PutRivertonAsync();
        // HttpClient itself refuses a path with NUL, so that value cannot be sent as a route segment.
        foreach (var value in Hostile.Where(v => v.Trim().Length > 0 && !v.Contains('\0')))
        {
            var segment = Uri.EscapeDataString(value);
            await AssertOpen311Answer(await Client.GetAsync($"/open311/v2/requests/{segment}.json"), "json", value);
            await AssertOpen311Answer(await Client.GetAsync($"/open311/v2/services/{segment}.xml"), "xml", value);
            await AssertOpen311Answer(await Client.GetAsync($"/open311/v2/tokens/{segment}.json"), "json", value);
        }
    }

    private static async Task AssertOpen311Answer(HttpResponseMessage response, string format, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is 200 or 400 or 403 or 404 or 413, $"{what}: status {status}\n{body}");
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (format == "json")
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var json = JsonNode.Parse(body);
            if (status != 200)
            {
                Assert.All(json!.AsArray(), e => Assert.Equal(status, e!["code"]!.GetValue<int>()));
            }
        }
        else
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            var xml = XDocument.Parse(body);
            if (status != 200)
            {
                Assert.Equal("errors", xml.Root!.Name.LocalName);
            }
        }

        Assert.True(status != (int)HttpStatusCode.InternalServerError, what);
    }
}
