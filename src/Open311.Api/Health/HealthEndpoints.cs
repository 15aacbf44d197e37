using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Core.Jurisdictions;

namespace Open311.Api.Health;

/// <summary>GET health: 200 when storage answers (one point read), 503 with the reason when it does not.</summary>
public sealed class HealthEndpoints(IJurisdictionStore jurisdictions, ILogger<HealthEndpoints> logger)
{
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> GetAsync(HttpRequest request)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await jurisdictions.GetStampAsync(timeout.Token);
            return Results.Json(new { status = "healthy", storage = "ok" });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health check: storage did not answer");
            return Results.Json(new { status = "unhealthy", storage = ex is OperationCanceledException ? "timed out" : "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
