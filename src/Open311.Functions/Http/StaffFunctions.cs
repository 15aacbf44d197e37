using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Manage;
using Open311.Api.Staff;

namespace Open311.Functions.Http;

/// <summary>What the staff console calls: who is signed in, the inbox, finishing a report; staff keys (admin key).</summary>
public sealed class StaffFunctions(StaffEndpoints staff, InboxEndpoints inbox, SourcesAndIntakeEndpoints intake)
{
    [Function(nameof(ManageStaffMe))]
    public Task<IResult> ManageStaffMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageStaffMe)] HttpRequest request) =>
        staff.MeAsync(request);

    [Function(nameof(ManageListStaffKeys))]
    public Task<IResult> ManageListStaffKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageStaffKeys)] HttpRequest request) =>
        staff.ListKeysAsync(request);

    [Function(nameof(ManageCreateStaffKey))]
    public Task<IResult> ManageCreateStaffKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageStaffKeys)] HttpRequest request) =>
        staff.CreateKeyAsync(request);

    [Function(nameof(ManageRevokeStaffKey))]
    public Task<IResult> ManageRevokeStaffKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Open311Routes.ManageStaffKey)] HttpRequest request, string id) =>
        staff.RevokeKeyAsync(request, id);

    [Function(nameof(ManageListRequests))]
    public Task<IResult> ManageListRequests([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageRequests)] HttpRequest request) =>
        inbox.ListAsync(request);

    [Function(nameof(ManageResolveIntake))]
    public Task<IResult> ManageResolveIntake([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageIntakeResolve)] HttpRequest request, string intakeId) =>
        intake.FinishIntakeAsync(request, intakeId);
}
