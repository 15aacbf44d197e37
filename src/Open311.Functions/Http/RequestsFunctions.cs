using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Requests;

namespace Open311.Functions.Http;

public sealed class RequestsFunctions(RequestsEndpoints endpoints)
{
    [Function(nameof(GetRequests))]
    public Task<IResult> GetRequests([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Requests)] HttpRequest request, string format) =>
        endpoints.ListAsync(request, format);

    [Function(nameof(PostRequest))]
    public Task<IResult> PostRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.Requests)] HttpRequest request, string format) =>
        endpoints.CreateAsync(request, format);

    [Function(nameof(GetRequest))]
    public Task<IResult> GetRequest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Request)] HttpRequest request, string id, string format) =>
        endpoints.GetAsync(request, id, format);

    [Function(nameof(GetToken))]
    public Task<IResult> GetToken([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Token)] HttpRequest request, string token, string format) =>
        endpoints.TokenAsync(request, token, format);
}
