namespace Open311.Api;

/// <summary>
/// The one route table. Templates are relative to <see cref="Prefix"/> because the Functions host adds its
/// <c>routePrefix</c> (host.json) itself; the Kestrel host adds the prefix when it maps them. A test proves the
/// generated functions.metadata and the Kestrel endpoints both equal <see cref="All"/>.
/// </summary>
public static class Open311Routes
{
    public const string Prefix = "open311";

    public const string Discovery = "discovery.{format}";
    public const string Services = "v2/services.{format}";
    public const string Service = "v2/services/{code}.{format}";
    public const string Requests = "v2/requests.{format}";
    public const string Request = "v2/requests/{id}.{format}";
    public const string Token = "v2/tokens/{token}.{format}";
    public const string Updates = "v2/servicerequestupdates.{format}";
    public const string Media = "media/{jurisdiction}/{name}";
    public const string ManageJurisdictions = "manage/jurisdictions";
    public const string ManageJurisdiction = "manage/jurisdictions/{id}";
    public const string ManageKeys = "manage/keys";
    public const string ManageKey = "manage/keys/{id}";
    public const string ManageRequest = "manage/requests/{id}";
    public const string Lookup = "lookup.{format}";
    public const string ManageImport = "manage/jurisdictions/import";
    public const string ManageSync = "manage/jurisdictions/{id}/sync";
    public const string ManageAddresses = "manage/jurisdictions/{id}/addresses";
    /// <summary>Every connector's deliveries: the type picks the connector, which owns its actions.</summary>
    public const string Connector = "connectors/{type}/{sourceId}/{action}";
    public const string ManageSource = "manage/sources/{id}";
    public const string ManageSourcePoll = "manage/sources/{id}/poll";
    public const string ManageIntakeList = "manage/intake";
    public const string ManageIntake = "manage/intake/{intakeId}";
    public const string ManageOutbox = "manage/outbox";
    public const string ManageOutboxRetry = "manage/outbox/{intakeId}/retry";
    public const string ManageRequests = "manage/requests";
    public const string ManageIntakeResolve = "manage/intake/{intakeId}/resolve";
    public const string ManageStaffMe = "manage/staff/me";
    public const string ManageStaffKeys = "manage/staff-keys";
    public const string ManageStaffKey = "manage/staff-keys/{id}";
    public const string Console = "console";
    public const string Tracker = "track";
    public const string WebFile = "web/{file}";
    public const string Town = "towns/{jurisdiction}";
    public const string Health = "health";
    public const string OpenApi = "openapi.json";
    public const string Docs = "docs";
    public const string DocsAsset = "docs/{file}";

    /// <summary>
    /// Every other path and method below the prefix: answered by <c>FallbackEndpoints</c> (CORS preflights, Open311
    /// 404 and 405 bodies). A catch-all has the lowest precedence in both hosts' routing, so it never shadows a route.
    /// </summary>
    public const string Fallback = "{*path}";

    public static readonly IReadOnlyList<string> FallbackMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

    public static readonly IReadOnlyList<Open311Route> All =
    [
        new("GetDiscovery", Discovery, "GET"),
        new("GetServices", Services, "GET"),
        new("GetServiceDefinition", Service, "GET"),
        new("GetRequests", Requests, "GET"),
        new("PostRequest", Requests, "POST"),
        new("GetRequest", Request, "GET"),
        new("GetToken", Token, "GET"),
        new("GetRequestUpdates", Updates, "GET"),
        new("PostRequestUpdate", Updates, "POST"),
        new("GetMedia", Media, "GET"),
        new("ManageListJurisdictions", ManageJurisdictions, "GET"),
        new("ManageGetJurisdiction", ManageJurisdiction, "GET"),
        new("ManagePutJurisdiction", ManageJurisdiction, "PUT"),
        new("ManageCreateKey", ManageKeys, "POST"),
        new("ManageRevokeKey", ManageKey, "DELETE"),
        new("ManageGetRequest", ManageRequest, "GET"),
        new("ManagePatchRequest", ManageRequest, "PATCH"),
        new("GetLookup", Lookup, "GET"),
        new("ManageImportJurisdictions", ManageImport, "POST"),
        new("ManageSyncJurisdiction", ManageSync, "POST"),
        new("ManageImportAddresses", ManageAddresses, "POST"),
        new("ManageGetAddresses", ManageAddresses, "GET"),
        new("PostConnectorDelivery", Connector, "POST"),
        new("ManagePutSource", ManageSource, "PUT"),
        new("ManageGetSource", ManageSource, "GET"),
        new("ManagePollSource", ManageSourcePoll, "POST"),
        new("ManageListIntake", ManageIntakeList, "GET"),
        new("ManageGetIntake", ManageIntake, "GET"),
        new("ManageListOutbox", ManageOutbox, "GET"),
        new("ManageRetryOutbox", ManageOutboxRetry, "POST"),
        new("ManageListRequests", ManageRequests, "GET"),
        new("ManageResolveIntake", ManageIntakeResolve, "POST"),
        new("ManageStaffMe", ManageStaffMe, "GET"),
        new("ManageListStaffKeys", ManageStaffKeys, "GET"),
        new("ManageCreateStaffKey", ManageStaffKeys, "POST"),
        new("ManageRevokeStaffKey", ManageStaffKey, "DELETE"),
        new("GetConsole", Console, "GET"),
        new("GetTracker", Tracker, "GET"),
        new("GetWebFile", WebFile, "GET"),
        new("GetTown", Town, "GET"),
        new("GetHealth", Health, "GET"),
        new("GetOpenApi", OpenApi, "GET"),
        new("GetDocs", Docs, "GET"),
        new("GetDocsAsset", DocsAsset, "GET"),
    ];
}
