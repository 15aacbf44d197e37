using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Core.Protocol;

namespace Open311.Api.Fallback;

/// <summary>
/// What no route of the table takes, in both hosts (the catch-all route <see cref="Open311Routes.Fallback"/>): CORS
/// preflights, and Open311 error bodies for unknown paths (404) and wrong methods (405, with Allow).
/// </summary>
public sealed class FallbackEndpoints(ILogger<FallbackEndpoints> logger)
{
    public Task<IResult> AnswerAsync(HttpRequest request)
    {
        var path = RouteTable.BelowPrefix(request.Path.Value) ?? request.Path.Value ?? "/";
        var methods = RouteTable.MethodsAt(path);
        if (HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod.Count > 0)
        {
            return Task.FromResult(Open311Headers.Preflight(request.HttpContext, methods));
        }

        return Open311Handler.RunAsync(ResponseFormats.FromPath(request.Path.Value), logger, () =>
        {
            if (methods.Count == 0)
            {
                throw Open311Exception.NotFound($"No Open311 resource at {InputText.Quote(request.Path.Value ?? "/")}. GeoReport v2 lives under /open311/v2/ and discovery at /open311/discovery.xml.");
            }

            request.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
            throw new Open311Exception(405, $"{InputText.Quote(request.Method)} is not allowed here; use {string.Join(" or ", methods)}.");
        });
    }
}
