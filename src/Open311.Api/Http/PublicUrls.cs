using Microsoft.AspNetCore.Http;

namespace Open311.Api.Http;

/// <summary>Absolute URLs to this endpoint, for discovery and media links.</summary>
public static class PublicUrls
{
    /// <summary><c>https://host/open311</c>: from configuration when set (behind a proxy), else from the request.</summary>
    public static string Base(HttpRequest request, Open311Options options)
    {
        var origin = options.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.Value}";
        return $"{origin}/{Open311Routes.Prefix}";
    }
}
