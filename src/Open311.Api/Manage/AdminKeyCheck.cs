using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Api.Keys;
using Open311.Core.Keys;
using Open311.Core.Protocol;

namespace Open311.Api.Manage;

/// <summary>
/// The manage API's guard: <c>Authorization: Bearer {Open311__AdminKey}</c>, compared in constant time, within the
/// per-address rate of the manage API and its budget of wrong keys.
/// </summary>
public sealed class AdminKeyCheck(IOptions<Open311Options> options, ClientLimits limits)
{
    /// <summary>Runs a manage handler: limits and admin key first, Open311 JSON errors for every failure.</summary>
    public Task<IResult> RunAsync(HttpRequest request, ILogger logger, Func<CancellationToken, Task<IResult>> handler) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, () =>
        {
            limits.EnsureFailuresLeft(request, ClientLimits.AdminFailure);
            limits.Take(request, ClientLimits.Manage);
            try
            {
                Require(request, options.Value);
            }
            catch (Open311Exception ex) when (ex.Status is 401 or 403)
            {
                limits.Failed(request, ClientLimits.AdminFailure);
                throw;
            }

            return handler(request.HttpContext.RequestAborted);
        });

    private static void Require(HttpRequest request, Open311Options options)
    {
        if (string.IsNullOrEmpty(options.AdminKey))
        {
            throw Open311Exception.Forbidden("The manage API is disabled: no Open311__AdminKey is configured.");
        }

        var presented = ApiKeyAuthenticator.BearerToken(request)
            ?? throw new Open311Exception(401, "The manage API needs Authorization: Bearer <admin key>.");
        if (!ApiKeySecrets.SecretEquals(presented, options.AdminKey))
        {
            throw Open311Exception.Forbidden("Invalid admin key.");
        }
    }
}
