using Open311.Api;
using Open311.Api.Connectors;
using Open311.Api.Discovery;
using Open311.Api.Docs;
using Open311.Api.Fallback;
using Open311.Api.Health;
using Open311.Api.Manage;
using Open311.Api.Media;
using Open311.Api.Outbox;
using Open311.Api.Staff;
using Open311.Api.Web;
using Open311.Api.Places;
using Open311.Api.Updates;
using Open311.Api.Requests;
using Open311.Api.Routing;
using Open311.Api.Services;

namespace Open311.Server;

public static class Open311EndpointRouteBuilderExtensions
{
    /// <summary>Maps <see cref="Open311Routes.All"/> under <c>/open311</c> onto the shared handlers (lambdas, not method groups: see docs/architecture.md).</summary>
    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Open311Routes.Prefix);

        open311.MapGet(Open311Routes.Discovery, (HttpRequest r, string format, DiscoveryEndpoints h) => h.GetAsync(r, format)).WithName("GetDiscovery");
        open311.MapGet(Open311Routes.Services, (HttpRequest r, string format, ServicesEndpoints h) => h.ListAsync(r, format)).WithName("GetServices");
        open311.MapGet(Open311Routes.Service, (HttpRequest r, string code, string format, ServicesEndpoints h) => h.DefinitionAsync(r, code, format)).WithName("GetServiceDefinition");
        open311.MapGet(Open311Routes.Requests, (HttpRequest r, string format, RequestsEndpoints h) => h.ListAsync(r, format)).WithName("GetRequests");
        open311.MapPost(Open311Routes.Requests, (HttpRequest r, string format, RequestsEndpoints h) => h.CreateAsync(r, format)).WithName("PostRequest").DisableAntiforgery();
        open311.MapGet(Open311Routes.Request, (HttpRequest r, string id, string format, RequestsEndpoints h) => h.GetAsync(r, id, format)).WithName("GetRequest");
        open311.MapGet(Open311Routes.Token, (HttpRequest r, string token, string format, RequestsEndpoints h) => h.TokenAsync(r, token, format)).WithName("GetToken");
        open311.MapGet(Open311Routes.Updates, (HttpRequest r, string format, UpdatesEndpoints h) => h.ListAsync(r, format)).WithName("GetRequestUpdates");
        open311.MapPost(Open311Routes.Updates, (HttpRequest r, string format, UpdatesEndpoints h) => h.PostAsync(r, format)).WithName("PostRequestUpdate");
        open311.MapGet(Open311Routes.Media, (HttpRequest r, string jurisdiction, string name, MediaEndpoints h) => h.GetAsync(r, jurisdiction, name)).WithName("GetMedia");

        open311.MapGet(Open311Routes.ManageJurisdictions, (HttpRequest r, ManageEndpoints h) => h.ListJurisdictionsAsync(r)).WithName("ManageListJurisdictions");
        open311.MapGet(Open311Routes.ManageJurisdiction, (HttpRequest r, string id, ManageEndpoints h) => h.GetJurisdictionAsync(r, id)).WithName("ManageGetJurisdiction");
        open311.MapPut(Open311Routes.ManageJurisdiction, (HttpRequest r, string id, ManageEndpoints h) => h.PutJurisdictionAsync(r, id)).WithName("ManagePutJurisdiction");
        open311.MapPost(Open311Routes.ManageKeys, (HttpRequest r, ManageEndpoints h) => h.CreateKeyAsync(r)).WithName("ManageCreateKey");
        open311.MapDelete(Open311Routes.ManageKey, (HttpRequest r, string id, ManageEndpoints h) => h.RevokeKeyAsync(r, id)).WithName("ManageRevokeKey");
        open311.MapGet(Open311Routes.ManageRequest, (HttpRequest r, string id, ManageEndpoints h) => h.GetRequestAsync(r, id)).WithName("ManageGetRequest");
        open311.MapPatch(Open311Routes.ManageRequest, (HttpRequest r, string id, ManageEndpoints h) => h.PatchRequestAsync(r, id)).WithName("ManagePatchRequest");

        open311.MapGet(Open311Routes.Lookup, (HttpRequest r, string format, LookupEndpoints h) => h.LookupAsync(r, format)).WithName("GetLookup");
        open311.MapPost(Open311Routes.ManageImport, (HttpRequest r, ManageEndpoints h) => h.ImportJurisdictionsAsync(r)).WithName("ManageImportJurisdictions");
        open311.MapPost(Open311Routes.ManageSync, (HttpRequest r, string id, ManageEndpoints h) => h.SyncJurisdictionAsync(r, id)).WithName("ManageSyncJurisdiction");
        open311.MapPost(Open311Routes.ManageAddresses, (HttpRequest r, string id, AddressEndpoints h) => h.ImportAsync(r, id)).WithName("ManageImportAddresses");
        open311.MapGet(Open311Routes.ManageAddresses, (HttpRequest r, string id, AddressEndpoints h) => h.StatusAsync(r, id)).WithName("ManageGetAddresses");
        open311.MapPost(Open311Routes.Connector, (HttpRequest r, string type, string sourceId, string action, ConnectorEndpoints h) => h.ReceiveAsync(r, type, sourceId, action)).WithName("PostConnectorDelivery");
        open311.MapPut(Open311Routes.ManageSource, (HttpRequest r, string id, SourcesAndIntakeEndpoints h) => h.PutSourceAsync(r, id)).WithName("ManagePutSource");
        open311.MapGet(Open311Routes.ManageSource, (HttpRequest r, string id, SourcesAndIntakeEndpoints h) => h.GetSourceAsync(r, id)).WithName("ManageGetSource");
        open311.MapPost(Open311Routes.ManageSourcePoll, (HttpRequest r, string id, SourcesAndIntakeEndpoints h) => h.PollSourceAsync(r, id)).WithName("ManagePollSource");
        open311.MapGet(Open311Routes.ManageIntakeList, (HttpRequest r, SourcesAndIntakeEndpoints h) => h.ListIntakeAsync(r)).WithName("ManageListIntake");
        open311.MapGet(Open311Routes.ManageIntake, (HttpRequest r, string intakeId, SourcesAndIntakeEndpoints h) => h.GetIntakeAsync(r, intakeId)).WithName("ManageGetIntake");
        open311.MapGet(Open311Routes.ManageOutbox, (HttpRequest r, OutboxEndpoints h) => h.ListAsync(r)).WithName("ManageListOutbox");
        open311.MapPost(Open311Routes.ManageOutboxRetry, (HttpRequest r, string intakeId, OutboxEndpoints h) => h.RetryAsync(r, intakeId)).WithName("ManageRetryOutbox");
        open311.MapGet(Open311Routes.Health, (HttpRequest r, HealthEndpoints h) => h.GetAsync(r)).WithName("GetHealth");
        open311.MapGet(Open311Routes.ManageRequests, (HttpRequest r, InboxEndpoints h) => h.ListAsync(r)).WithName("ManageListRequests");
        open311.MapPost(Open311Routes.ManageIntakeResolve, (HttpRequest r, string intakeId, SourcesAndIntakeEndpoints h) => h.FinishIntakeAsync(r, intakeId)).WithName("ManageResolveIntake");
        open311.MapGet(Open311Routes.ManageStaffMe, (HttpRequest r, StaffEndpoints h) => h.MeAsync(r)).WithName("ManageStaffMe");
        open311.MapGet(Open311Routes.ManageStaffKeys, (HttpRequest r, StaffEndpoints h) => h.ListKeysAsync(r)).WithName("ManageListStaffKeys");
        open311.MapPost(Open311Routes.ManageStaffKeys, (HttpRequest r, StaffEndpoints h) => h.CreateKeyAsync(r)).WithName("ManageCreateStaffKey");
        open311.MapDelete(Open311Routes.ManageStaffKey, (HttpRequest r, string id, StaffEndpoints h) => h.RevokeKeyAsync(r, id)).WithName("ManageRevokeStaffKey");
        open311.MapGet(Open311Routes.Console, (HttpRequest r, WebEndpoints h) => h.ConsoleAsync(r)).WithName("GetConsole");
        open311.MapGet(Open311Routes.Tracker, (HttpRequest r, WebEndpoints h) => h.TrackerAsync(r)).WithName("GetTracker");
        open311.MapGet(Open311Routes.WebFile, (HttpRequest r, string file, WebEndpoints h) => h.AssetAsync(r, file)).WithName("GetWebFile");
        open311.MapGet(Open311Routes.Town, (HttpRequest r, string jurisdiction, WebEndpoints h) => h.TownAsync(r, jurisdiction)).WithName("GetTown");
        open311.MapGet(Open311Routes.OpenApi, (HttpRequest r, DocsEndpoints h) => h.OpenApiAsync(r)).WithName("GetOpenApi");
        open311.MapGet(Open311Routes.Docs, (HttpRequest r, DocsEndpoints h) => h.PageAsync(r)).WithName("GetDocs");
        open311.MapGet(Open311Routes.DocsAsset, (HttpRequest r, string file, DocsEndpoints h) => h.AssetAsync(r, file)).WithName("GetDocsAsset");
        open311.MapMethods(Open311Routes.Fallback, Open311Routes.FallbackMethods, (HttpRequest r, FallbackEndpoints h) => h.AnswerAsync(r)).WithName("Open311Fallback");

        return open311;
    }
}
