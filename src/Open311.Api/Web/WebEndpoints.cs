using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Open311.Api.Http;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Web;

/// <summary>
/// The staff console (<c>/open311/console/</c>), the resident tracker (<c>/open311/track/</c>), their files
/// (<c>/open311/web/{file}</c>, embedded in this assembly, Leaflet among them: no CDN at run time), and the one
/// public document the maps need beyond the GeoReport API: a town's name and boundary.
/// </summary>
public sealed class WebEndpoints(JurisdictionRegistry registry, IJurisdictionStore jurisdictions, IOptions<Open311Options> options, ILogger<WebEndpoints> logger)
{
    private const string ResourcePrefix = "Open311.Api.Web.";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
    };

    private static readonly HashSet<string> Embedded = [.. typeof(WebEndpoints).Assembly.GetManifestResourceNames()];

    private readonly ConcurrentDictionary<string, WebAsset> assets = new(StringComparer.Ordinal);

    public Task<IResult> ConsoleAsync(HttpRequest request) => PageAsync(request, "console.html");

    public Task<IResult> TrackerAsync(HttpRequest request) => PageAsync(request, "track.html");

    public Task<IResult> AssetAsync(HttpRequest request, string file) =>
        Open311Handler.RunAsync(ResponseFormat.Xml, logger, () =>
            Task.FromResult(file.EndsWith(".html", StringComparison.Ordinal) ? throw Open311Exception.NotFound("No such file.") : Serve(request, Find(file) ?? throw Open311Exception.NotFound("No such file."), "public, max-age=3600")));

    /// <summary>A hosted town's name and boundary (GeoJSON), for the maps; nothing else of the town's document.</summary>
    public Task<IResult> TownAsync(HttpRequest request, string jurisdiction) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, async () =>
        {
            var ct = request.HttpContext.RequestAborted;
            var snapshot = await registry.GetSnapshotAsync(ct);
            var town = snapshot.Hosted.GetValueOrDefault(jurisdiction) ?? throw Open311Exception.NotFound($"No town '{InputText.Quote(jurisdiction)}' is hosted here.");
            var stored = await jurisdictions.GetAsync(town.Id, ct);
            var boundary = stored is null ? null : DocumentJson.Read<JurisdictionDocument>(stored.DocumentJson, out _).Boundary;
            request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(new { id = town.Id, name = town.Name, boundary = boundary is { ValueKind: not JsonValueKind.Null } b ? (JsonElement?)b : null }, DocumentJson.Options);
        });

    private Task<IResult> PageAsync(HttpRequest request, string file) =>
        Open311Handler.RunAsync(ResponseFormat.Xml, logger, () =>
        {
            var page = assets.GetOrAdd("configured " + file, _ => WithSettings(Find(file) ?? throw new InvalidOperationException($"The page {file} is not embedded.")));
            var headers = request.HttpContext.Response.Headers;

            // The pages run our scripts only, and talk to this origin only; images may come from the media store.
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.FromResult(Serve(request, page, "no-cache"));
        });

    /// <summary>The deployment's settings the pages read from their meta tags: a tile layer, Entra sign-in (attribute-encoded).</summary>
    private WebAsset WithSettings(WebAsset page)
    {
        var o = options.Value;
        var settings = new Dictionary<string, string?>
        {
            ["open311-tiles"] = o.MapTilesUrl,
            ["open311-tiles-attribution"] = o.MapTilesAttribution,
            ["open311-entra"] = o.TrustAppServiceAuthentication ? "on" : null,
        };
        var html = Encoding.UTF8.GetString(page.Content);
        foreach (var (name, value) in settings.Where(s => !string.IsNullOrEmpty(s.Value)))
        {
            html = html.Replace($"<meta name=\"{name}\" content=\"\">", $"<meta name=\"{name}\" content=\"{System.Net.WebUtility.HtmlEncode(value)}\">", StringComparison.Ordinal);
        }

        return WebAsset.From(page.ContentType, Encoding.UTF8.GetBytes(html));
    }

    /// <summary>An embedded file by name; only files that exist are cached, so unknown names cost no memory.</summary>
    private WebAsset? Find(string file) =>
        Embedded.Contains(ResourcePrefix + file) && Types.TryGetValue(Path.GetExtension(file), out var type)
            ? assets.GetOrAdd(file, name =>
            {
                using var stream = typeof(WebEndpoints).Assembly.GetManifestResourceStream(ResourcePrefix + name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return WebAsset.From(type, copy.ToArray());
            })
            : null;

    private static IResult Serve(HttpRequest request, WebAsset asset, string cacheControl)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = asset.ETag;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(asset.Gzipped, asset.ContentType);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
