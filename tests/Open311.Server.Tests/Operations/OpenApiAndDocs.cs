using System.Text.Json.Nodes;
using Open311.Api;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Operations;

public sealed class OpenApiAndDocs(AzuriteFixture azurite) : AppTest(azurite)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task TheOpenApiDocumentDescribesExactlyTheRouteTable()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/open311/openapi.json"))!;

        var described = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key))
                .Select(op => $"{op.Value!["operationId"]!.GetValue<string>()} {op.Key.ToUpperInvariant()} {path.Key}"))
            .Order()
            .ToList();
        var routes = Open311Routes.All.Select(r => $"{r.Name} {r.Method} /{r.Template}").Order().ToList();

        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        Assert.Equal("/open311", document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(routes, described);
    }

    [Fact]
    public async Task EveryReferenceInTheDocumentResolves()
    {
        var json = await Client.GetStringAsync("/open311/openapi.json");
        var document = JsonNode.Parse(json)!;

        var refs = System.Text.RegularExpressions.Regex.Matches(json, "\"\\$ref\"\\s*:\\s*\"#/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct();
        foreach (var reference in refs)
        {
            var node = reference.Split('/').Aggregate<string, JsonNode?>(document, (n, part) => n?[part.Replace("~1", "/").Replace("~0", "~")]);
            Assert.True(node is not null, $"#/{reference} does not resolve");
        }
    }

    [Fact]
    public async Task TheDocsPageAndItsFilesAreServedFromThisServer()
    {
        var page = await Client.GetAsync("/open311/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("url: \"/open311/openapi.json\"", html);
        foreach (var file in new[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css" })
        {
            Assert.Contains($"/open311/docs/{file}", html);
            var asset = await Client.GetAsync($"/open311/docs/{file}");
            Assert.True(asset.IsSuccessStatusCode, file);
            var text = await asset.Content.ReadAsStringAsync();
            Assert.True(text.Length > 1000, file);
            Assert.Contains(file.EndsWith(".css") ? ".swagger-ui" : "SwaggerUI", text);
        }

        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/open311/docs/swagger-ui-bundle.js");
        gzip.Headers.AcceptEncoding.ParseAdd("gzip");
        var compressed = await Client.SendAsync(gzip);
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        await using var unpacked = new System.IO.Compression.GZipStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Assert.Contains("SwaggerUIBundle", await new StreamReader(unpacked).ReadToEndAsync());

        await AssertXmlErrors(await Client.GetAsync("/open311/docs/appsettings.json"), 404);
    }
}
