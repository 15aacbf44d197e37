using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Docs;
using Open311.Api.Health;

namespace Open311.Functions.Http;

/// <summary>Health, the OpenAPI document and the interactive docs page.</summary>
public sealed class OperationsFunctions(HealthEndpoints health, DocsEndpoints docs)
{
    [Function(nameof(GetHealth))]
    public Task<IResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Health)] HttpRequest request) =>
        health.GetAsync(request);

    [Function(nameof(GetOpenApi))]
    public Task<IResult> GetOpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.OpenApi)] HttpRequest request) =>
        docs.OpenApiAsync(request);

    [Function(nameof(GetDocs))]
    public Task<IResult> GetDocs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Docs)] HttpRequest request) =>
        docs.PageAsync(request);

    [Function(nameof(GetDocsAsset))]
    public Task<IResult> GetDocsAsset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.DocsAsset)] HttpRequest request, string file) =>
        docs.AssetAsync(request, file);
}
