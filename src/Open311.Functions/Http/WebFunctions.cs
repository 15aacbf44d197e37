using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Web;

namespace Open311.Functions.Http;

/// <summary>The staff console, the resident tracker, their files and a town's outline for their maps.</summary>
public sealed class WebFunctions(WebEndpoints endpoints)
{
    [Function(nameof(GetConsole))]
    public Task<IResult> GetConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Console)] HttpRequest request) =>
        endpoints.ConsoleAsync(request);

    [Function(nameof(GetTracker))]
    public Task<IResult> GetTracker([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Tracker)] HttpRequest request) =>
        endpoints.TrackerAsync(request);

    [Function(nameof(GetWebFile))]
    public Task<IResult> GetWebFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.WebFile)] HttpRequest request, string file) =>
        endpoints.AssetAsync(request, file);

    [Function(nameof(GetTown))]
    public Task<IResult> GetTown([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.Town)] HttpRequest request, string jurisdiction) =>
        endpoints.TownAsync(request, jurisdiction);
}
