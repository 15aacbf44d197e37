using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Routing;

namespace Open311.Functions.Http;

public sealed class LookupFunctions(LookupEndpoints endpoints)
{
    [Function(nameof(GetLookup))]
    public Task<IResult> GetLookup([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Lookup)] HttpRequest request, string format) =>
        endpoints.LookupAsync(request, format);
}
