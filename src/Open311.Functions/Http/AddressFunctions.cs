using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Places;

namespace Open311.Functions.Http;

/// <summary>A town's gazetteer: importing its address points, and the import's status.</summary>
public sealed class AddressFunctions(AddressEndpoints endpoints)
{
    [Function(nameof(ManageImportAddresses))]
    public Task<IResult> ManageImportAddresses([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageAddresses)] HttpRequest request, string id) =>
        endpoints.ImportAsync(request, id);

    [Function(nameof(ManageGetAddresses))]
    public Task<IResult> ManageGetAddresses([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageAddresses)] HttpRequest request, string id) =>
        endpoints.StatusAsync(request, id);
}
