using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Fallback;

namespace Open311.Functions.Http;

/// <summary>
/// Every path and method below /open311 that no other function takes (the catch-all has the lowest precedence in the
/// host's routing): CORS preflights, and Open311 404/405 bodies instead of the host's empty ones.
/// </summary>
public sealed class FallbackFunction(FallbackEndpoints fallback)
{
    [Function(nameof(Open311Fallback))]
    public Task<IResult> Open311Fallback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", "head", Route = Open311Routes.Fallback)] HttpRequest request) =>
        fallback.AnswerAsync(request);
}
