using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Open311.Storage.Identity;

/// <summary>The Entra ID credentials the app's Azure clients use: the user-assigned identity when its client id is set.</summary>
public static class AzureCredentials
{
    public static TokenCredential ForClient(string? clientId) =>
        clientId is { Length: > 0 } id ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id)) : new DefaultAzureCredential();

    /// <summary>
    /// The credential for Application Insights when its local (key) authentication is off: read from the setting the
    /// Functions host itself uses, <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING=Authorization=AAD;ClientId=…</c>, so
    /// the worker's exporter and the host authenticate the same way. Null when the setting is absent.
    /// </summary>
    public static TokenCredential? ForTelemetry(IConfiguration configuration)
    {
        var parts = (configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            ? ForClient(parts.GetValueOrDefault("ClientId"))
            : null;
    }
}
