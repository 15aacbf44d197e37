using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>
/// Gives the answers no handler wrote an Open311 error body: unknown paths (404), a wrong method (405) and any
/// failure outside a handler (500). The format follows the path's suffix, XML by default.
/// </summary>
public sealed class Open311FallbackMiddleware(RequestDelegate next, ILogger<Open311FallbackMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var status = ex is BadHttpRequestException bad ? bad.StatusCode : 500;
            if (status == 500)
            {
                logger.LogError(ex, "Unhandled failure outside a handler");
            }

            await WriteAsync(context, status, status == 500 ? "The server could not complete the request; the failure has been logged." : "The request could not be read.");
            return;
        }

        if (context.Response.HasStarted || context.Response.ContentLength > 0)
        {
            return;
        }

        switch (context.Response.StatusCode)
        {
            case 404:
                await WriteAsync(context, 404, $"No Open311 resource at {InputText.Quote(context.Request.Path.Value ?? "/")}. GeoReport v2 lives under /open311/v2/ and discovery at /open311/discovery.xml.");
                break;
            case 405:
                await WriteAsync(context, 405, $"{InputText.Quote(context.Request.Method)} is not allowed here.");
                break;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string description)
    {
        var format = ResponseFormats.FromPath(context.Request.Path.Value);
        return Open311Handler.Error(new Open311Exception(status, description), format).ExecuteAsync(context);
    }
}
