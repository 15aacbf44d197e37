using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Services;

namespace Open311.Functions.Http;

public sealed class ServicesFunctions(ServicesEndpoints endpoints)
{
    [Function(nameof(GetServices))]
    public Task<IResult> GetServices([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Services)] HttpRequest request, string format) =>
        endpoints.ListAsync(request, format);

    [Function(nameof(GetServiceDefinition))]
    public Task<IResult> GetServiceDefinition([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Service)] HttpRequest request, string code, string format) =>
        endpoints.DefinitionAsync(request, code, format);
}
