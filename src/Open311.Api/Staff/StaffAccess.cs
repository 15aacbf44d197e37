using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Api.Keys;
using Open311.Core.Keys;
using Open311.Core.Protocol;
using Open311.Core.Staff;

namespace Open311.Api.Staff;

/// <summary>
/// Who is calling the manage API: the admin key (every town), a staff key (its towns; looked up on every call, so a
/// revoked key stops at once everywhere), or — when trusted — the person App Service Authentication signed in. Within
/// the per-address rate of the manage API and its budget of refused credentials.
/// </summary>
public sealed class StaffAccess(IOptions<Open311Options> options, IStaffKeyStore staffKeys, ClientLimits limits)
{
    /// <summary>Runs a handler for any staff member; the handler checks their towns.</summary>
    public Task<IResult> RunAsync(HttpRequest request, ILogger logger, Func<StaffMember, CancellationToken, Task<IResult>> handler) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, async () =>
        {
            limits.EnsureFailuresLeft(request, ClientLimits.AdminFailure);
            limits.Take(request, ClientLimits.Manage);
            var ct = request.HttpContext.RequestAborted;
            StaffMember member;
            try
            {
                member = await IdentifyAsync(request, ct);
            }
            catch (Open311Exception ex) when (ex.Status is 401 or 403)
            {
                limits.Failed(request, ClientLimits.AdminFailure);
                throw;
            }

            return await handler(member, ct);
        });

    /// <summary>Runs a handler that only the admin key may use.</summary>
    public Task<IResult> RunAdminAsync(HttpRequest request, ILogger logger, Func<CancellationToken, Task<IResult>> handler) =>
        RunAsync(request, logger, (member, ct) => member.IsAdmin ? handler(ct) : throw Open311Exception.Forbidden("This needs the admin key; a staff key works only in its towns' console."));

    private async Task<StaffMember> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (ApiKeyAuthenticator.BearerToken(request) is { } presented)
        {
            if (!string.IsNullOrEmpty(settings.AdminKey) && ApiKeySecrets.SecretEquals(presented, settings.AdminKey))
            {
                return StaffMember.Administrator;
            }

            return (await staffKeys.FindAsync(ApiKeySecrets.Hash(presented), cancellationToken))?.Member
                ?? throw Open311Exception.Forbidden("Invalid admin or staff key.");
        }

        if (settings.TrustAppServiceAuthentication && AppServicePrincipal.From(request) is { } principal)
        {
            return principal.ToMember(settings.StaffGroups, settings.StaffEmails)
                ?? throw Open311Exception.Forbidden($"{principal.Name} is signed in but works for no town here (Open311__StaffGroups, Open311__StaffEmails).");
        }

        if (string.IsNullOrEmpty(settings.AdminKey))
        {
            throw Open311Exception.Forbidden("The manage API is disabled: no Open311__AdminKey is configured.");
        }

        throw new Open311Exception(401, "The manage API needs Authorization: Bearer <admin key or staff key>.");
    }
}
