using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Open311.Api.Http;

namespace Open311.Functions.Http;

/// <summary>The headers every answer carries (CORS by route, nosniff), as the Kestrel host's edge middleware sets them.</summary>
public sealed class Open311HeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            Open311Headers.Apply(http);
        }

        return next(context);
    }
}
