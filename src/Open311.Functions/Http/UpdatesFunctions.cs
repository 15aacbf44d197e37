using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Updates;

namespace Open311.Functions.Http;

/// <summary>The mySociety <c>servicerequestupdates</c> extension: the update feed and a client's update.</summary>
public sealed class UpdatesFunctions(UpdatesEndpoints endpoints)
{
    [Function(nameof(GetRequestUpdates))]
    public Task<IResult> GetRequestUpdates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Updates)] HttpRequest request, string format) =>
        endpoints.ListAsync(request, format);

    [Function(nameof(PostRequestUpdate))]
    public Task<IResult> PostRequestUpdate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.Updates)] HttpRequest request, string format) =>
        endpoints.PostAsync(request, format);
}
