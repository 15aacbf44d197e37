using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Manage;

namespace Open311.Functions.Http;

/// <summary>
/// The manage API. Named Manage*, under manage/: the Functions host reserves names and routes that start with
/// "admin" and silently refuses such functions at start-up.
/// </summary>
public sealed class ManageFunctions(ManageEndpoints endpoints)
{
    [Function(nameof(ManageListJurisdictions))]
    public Task<IResult> ManageListJurisdictions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageJurisdictions)] HttpRequest request) =>
        endpoints.ListJurisdictionsAsync(request);

    [Function(nameof(ManageGetJurisdiction))]
    public Task<IResult> ManageGetJurisdiction([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageJurisdiction)] HttpRequest request, string id) =>
        endpoints.GetJurisdictionAsync(request, id);

    [Function(nameof(ManagePutJurisdiction))]
    public Task<IResult> ManagePutJurisdiction([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Open311Routes.ManageJurisdiction)] HttpRequest request, string id) =>
        endpoints.PutJurisdictionAsync(request, id);

    [Function(nameof(ManageImportJurisdictions))]
    public Task<IResult> ManageImportJurisdictions([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageImport)] HttpRequest request) =>
        endpoints.ImportJurisdictionsAsync(request);

    [Function(nameof(ManageSyncJurisdiction))]
    public Task<IResult> ManageSyncJurisdiction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageSync)] HttpRequest request, string id) =>
        endpoints.SyncJurisdictionAsync(request, id);

    [Function(nameof(ManageCreateKey))]
    public Task<IResult> ManageCreateKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageKeys)] HttpRequest request) =>
        endpoints.CreateKeyAsync(request);

    [Function(nameof(ManageRevokeKey))]
    public Task<IResult> ManageRevokeKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Open311Routes.ManageKey)] HttpRequest request, string id) =>
        endpoints.RevokeKeyAsync(request, id);

    [Function(nameof(ManageGetRequest))]
    public Task<IResult> ManageGetRequest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageRequest)] HttpRequest request, string id) =>
        endpoints.GetRequestAsync(request, id);

    [Function(nameof(ManagePatchRequest))]
    public Task<IResult> ManagePatchRequest([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Open311Routes.ManageRequest)] HttpRequest request, string id) =>
        endpoints.PatchRequestAsync(request, id);
}
