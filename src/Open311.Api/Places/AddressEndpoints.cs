using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Api.Manage;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Places;
using Open311.Core.Protocol;

namespace Open311.Api.Places;

/// <summary>
/// A town's gazetteer through the manage API: <c>POST manage/jurisdictions/{id}/addresses</c> imports its address
/// points (OpenAddresses CSV or GeoJSON) and answers the import report; <c>GET</c> the same path shows the last
/// import — while one runs, how far it has got.
/// </summary>
public sealed class AddressEndpoints(AddressImporter importer, IAddressStore store, JurisdictionRegistry registry, Staff.StaffAccess admin, ILogger<AddressEndpoints> logger)
{
    /// <summary>A county's OpenAddresses file of a few hundred thousand points is tens of megabytes.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public Task<IResult> ImportAsync(HttpRequest request, string id) => admin.RunAdminAsync(request, logger, async ct =>
    {
        var status = await RequestBody.ReadAsync(request, MaxBytes, () => importer.ImportAsync(id, request.Body, request.ContentType, ct));
        return Results.Json(status, DocumentJson.Options);
    });

    public Task<IResult> StatusAsync(HttpRequest request, string id) => admin.RunAdminAsync(request, logger, async ct =>
    {
        if (!(await registry.GetSnapshotAsync(ct)).All.ContainsKey(id))
        {
            throw Open311Exception.NotFound($"No jurisdiction '{InputText.Quote(id)}'.");
        }

        var status = await store.GetStatusAsync(id, ct) ?? throw Open311Exception.NotFound($"No address points have been imported for '{InputText.Quote(id)}'.");
        return Results.Json(status, DocumentJson.Options);
    });
}
