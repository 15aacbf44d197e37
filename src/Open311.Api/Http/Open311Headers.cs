using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Open311.Api.Http;

/// <summary>
/// The headers every answer carries, set once per request by each host's edge (Kestrel middleware, Functions worker
/// middleware). Public routes may be read from any origin — they never depend on cookies. The manage API is read
/// cross-origin only by the origins in <c>Open311__ManageCorsOrigins</c>: a page elsewhere must not drive it with an
/// admin or staff key a browser holds.
/// </summary>
public static class Open311Headers
{
    public const string AllowedHeaders = "Content-Type, Authorization, If-Match, X-Requested-With";
    public const string ExposedHeaders = "ETag, Retry-After, Location";

    public static void Apply(HttpContext context)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        if (AllowedOrigin(context) is { } origin)
        {
            response.Headers.AccessControlAllowOrigin = origin;
            response.Headers.AccessControlExposeHeaders = ExposedHeaders;
            if (origin != "*")
            {
                response.Headers.Vary = "Origin";
            }
        }
    }

    /// <summary>The answer to a CORS preflight (OPTIONS with Access-Control-Request-Method): 204, with permission or without.</summary>
    public static IResult Preflight(HttpContext context, IReadOnlyList<string> methods)
    {
        Apply(context);
        var response = context.Response;
        if (response.Headers.AccessControlAllowOrigin.Count > 0)
        {
            response.Headers.AccessControlAllowMethods = string.Join(", ", methods.Append("OPTIONS").Distinct());
            response.Headers.AccessControlAllowHeaders = AllowedHeaders;
            response.Headers.AccessControlMaxAge = "600";
        }

        return Results.NoContent();
    }

    private static string? AllowedOrigin(HttpContext context)
    {
        if (!RouteTable.IsManage(context.Request.Path.Value ?? string.Empty))
        {
            return "*";
        }

        var origin = context.Request.Headers.Origin.ToString();
        var options = context.RequestServices.GetService<IOptions<Open311Options>>()?.Value;
        return origin.Length > 0 && options?.ManageOrigins().Contains(origin, StringComparer.OrdinalIgnoreCase) == true ? origin : null;
    }
}
