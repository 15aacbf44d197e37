using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Connectors;
using Open311.Api.Manage;

namespace Open311.Functions.Http;

/// <summary>Connector webhooks, and the manage API for sources and intake records.</summary>
public sealed class ConnectorFunctions(ConnectorEndpoints connectors, SourcesAndIntakeEndpoints manage)
{
    [Function(nameof(PostConnectorDelivery))]
    public Task<IResult> PostConnectorDelivery(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.Connector)] HttpRequest request, string type, string sourceId, string action) =>
        connectors.ReceiveAsync(request, type, sourceId, action);

    [Function(nameof(ManagePutSource))]
    public Task<IResult> ManagePutSource([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Open311Routes.ManageSource)] HttpRequest request, string id) =>
        manage.PutSourceAsync(request, id);

    [Function(nameof(ManageGetSource))]
    public Task<IResult> ManageGetSource([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageSource)] HttpRequest request, string id) =>
        manage.GetSourceAsync(request, id);

    [Function(nameof(ManagePollSource))]
    public Task<IResult> ManagePollSource([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageSourcePoll)] HttpRequest request, string id) =>
        manage.PollSourceAsync(request, id);

    [Function(nameof(ManageListIntake))]
    public Task<IResult> ManageListIntake([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageIntakeList)] HttpRequest request) =>
        manage.ListIntakeAsync(request);

    [Function(nameof(ManageGetIntake))]
    public Task<IResult> ManageGetIntake([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageIntake)] HttpRequest request, string intakeId) =>
        manage.GetIntakeAsync(request, intakeId);
}
