using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Fallback;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>
/// The Kestrel host's edge: the headers every answer carries, CORS preflights, and Open311 error bodies for what no
/// handler answered (paths outside <c>/open311</c>, failures outside a handler). The Functions app does the same
/// with a worker middleware and the catch-all function.
/// </summary>
public sealed class Open311EdgeMiddleware(RequestDelegate next, FallbackEndpoints fallback, ILogger<Open311EdgeMiddleware> logger)
{
    /// <summary>
    /// Longest path and query answered; Kestrel's own request-line limit is set above it (Program.cs) so that a long
    /// URL gets an Open311 414 here rather than Kestrel's empty one.
    /// </summary>
    public const int MaxUrlLength = 8 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        Open311Headers.Apply(context);
        if ((context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0) > MaxUrlLength)
        {
            var tooLong = new Open311Exception(414, $"The URL is longer than {MaxUrlLength:N0} characters.");
            await Open311Handler.Error(tooLong, ResponseFormats.FromPath(context.Request.Path.Value)).ExecuteAsync(context);
            return;
        }

        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.AccessControlRequestMethod.Count > 0)
        {
            await (await fallback.AnswerAsync(context.Request)).ExecuteAsync(context);
            return;
        }

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

            var format = ResponseFormats.FromPath(context.Request.Path.Value);
            var error = new Open311Exception(status, status == 500 ? "The server could not complete the request; the failure has been logged." : "The request could not be read.");
            await Open311Handler.Error(error, format).ExecuteAsync(context);
            return;
        }

        if (!context.Response.HasStarted && context.Response.ContentLength is null or 0 && context.Response.StatusCode is 404 or 405)
        {
            await (await fallback.AnswerAsync(context.Request)).ExecuteAsync(context);
        }
    }
}
