using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Discovery;

namespace Open311.Functions.Http;

public sealed class DiscoveryFunctions(DiscoveryEndpoints endpoints)
{
    [Function(nameof(GetDiscovery))]
    public Task<IResult> GetDiscovery([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Discovery)] HttpRequest request, string format) =>
        endpoints.GetAsync(request, format);
}
