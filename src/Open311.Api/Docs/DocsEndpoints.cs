using System.IO.Compression;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Core.Protocol;

namespace Open311.Api.Docs;

/// <summary>
/// The OpenAPI document and an interactive Swagger UI page. The UI's files come embedded in Swashbuckle's
/// package and are served by our own route, so the page works offline and in both hosts.
/// </summary>
public sealed class DocsEndpoints(ILogger<DocsEndpoints> logger)
{
    private const string SwaggerUiPrefix = "Swashbuckle.AspNetCore.SwaggerUI.node_modules.swagger_ui_dist.";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["swagger-ui-bundle.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui-standalone-preset.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui.css"] = "text/css; charset=utf-8",
        ["favicon-32x32.png"] = "image/png",
        ["favicon-16x16.png"] = "image/png",
    };

    private static readonly Lazy<string> OpenApi = new(() => ReadText(typeof(DocsEndpoints).Assembly, "Open311.Api.Docs.openapi.json"));
    private static readonly Lazy<string> Page = new(() => ReadText(typeof(DocsEndpoints).Assembly, "Open311.Api.Docs.docs.html"));

    /// <summary>The OpenAPI document as shipped; its server URL is this endpoint's own base.</summary>
    public static JsonObject Document() => JsonNode.Parse(OpenApi.Value)!.AsObject();

    public Task<IResult> OpenApiAsync(HttpRequest request) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, () => Task.FromResult(Results.Text(OpenApi.Value, "application/json; charset=utf-8")));

    public Task<IResult> PageAsync(HttpRequest request) =>
        Open311Handler.RunAsync(ResponseFormat.Xml, logger, () => Task.FromResult(Results.Text(Page.Value, "text/html; charset=utf-8")));

    public Task<IResult> AssetAsync(HttpRequest request, string file) =>
        Open311Handler.RunAsync(ResponseFormat.Xml, logger, () =>
        {
            var contentType = Assets.GetValueOrDefault(file) ?? throw Open311Exception.NotFound("No such file.");
            var stream = typeof(Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions).Assembly.GetManifestResourceStream(SwaggerUiPrefix + file)
                ?? throw Open311Exception.NotFound("No such file.");
            var response = request.HttpContext.Response;
            response.Headers.CacheControl = "public, max-age=86400";
            response.Headers.Vary = "Accept-Encoding";

            // Swashbuckle embeds its files gzip-compressed: pass them on as they are to browsers that take gzip,
            // unpack them for any client that does not.
            if (IsGzip(stream))
            {
                if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers.ContentEncoding = "gzip";
                }
                else
                {
                    stream = new GZipStream(stream, CompressionMode.Decompress);
                }
            }

            return Task.FromResult(Results.Stream(stream, contentType));
        });

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var gzip = stream.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        stream.Position = 0;
        return gzip;
    }

    private static string ReadText(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
