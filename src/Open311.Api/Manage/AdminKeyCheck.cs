using Open311.Api.Keys;
using Microsoft.AspNetCore.Http;
using Open311.Core.Keys;
using Open311.Core.Protocol;

namespace Open311.Api.Manage;

/// <summary>The manage API's guard: <c>Authorization: Bearer {Open311__AdminKey}</c>, compared in constant time.</summary>
public static class AdminKeyCheck
{
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
