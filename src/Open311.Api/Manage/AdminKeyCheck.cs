using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Api.Keys;
using Microsoft.AspNetCore.Http;
using Open311.Core.Keys;
using Open311.Core.Protocol;

namespace Open311.Api.Manage;

/// <summary>The manage API's guard: <c>Authorization: Bearer {Open311__AdminKey}</c>, compared in constant time.</summary>
public static class AdminKeyCheck
{
    /// <summary>Runs a manage handler: admin key first, Open311 JSON errors for every failure.</summary>
    public static Task<IResult> RunAsync(HttpRequest request, Open311Options options, ILogger logger, Func<CancellationToken, Task<IResult>> handler) =>
        Open311Handler.RunAsync(ResponseFormat.Json, logger, () =>
        {
            Require(request, options);
            return handler(request.HttpContext.RequestAborted);
        });

    public static void Require(HttpRequest request, Open311Options options)
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
