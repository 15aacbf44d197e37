using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Core.Media;
using Open311.Core.Protocol;

namespace Open311.Api.Media;

/// <summary>GET media/{jurisdiction}/{name}: serves a request photo from the private container.</summary>
public sealed class MediaEndpoints(IMediaStore media, ILogger<MediaEndpoints> logger)
{
    public Task<IResult> GetAsync(HttpRequest request, string jurisdiction, string name) =>
        Open311Handler.RunAsync(ResponseFormat.Xml, logger, async () =>
        {
            var dot = name.LastIndexOf('.');
            var kind = dot > 0 ? ImageSniffer.FromExtension(name[(dot + 1)..]) : null;
            // Kept raw payloads (raw-{source}) are for staff only, whatever their names.
            if (kind is null || !InputText.IsIdentifier(jurisdiction) || !InputText.IsIdentifier(name) || jurisdiction.StartsWith("raw-", StringComparison.OrdinalIgnoreCase))
            {
                throw Open311Exception.NotFound("No such photo.");
            }

            var stream = await media.OpenAsync(jurisdiction, name, request.HttpContext.RequestAborted)
                ?? throw Open311Exception.NotFound("No such photo.");
            request.HttpContext.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, kind.ContentType);
        });
}
