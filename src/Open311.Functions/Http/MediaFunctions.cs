using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Media;

namespace Open311.Functions.Http;

public sealed class MediaFunctions(MediaEndpoints endpoints)
{
    [Function(nameof(GetMedia))]
    public Task<IResult> GetMedia([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Media)] HttpRequest request, string jurisdiction, string name) =>
        endpoints.GetAsync(request, jurisdiction, name);
}
