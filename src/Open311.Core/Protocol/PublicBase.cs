namespace Open311.Core.Protocol;

/// <summary>
/// The configured public origin (Open311__PublicBaseUrl), for links made outside an HTTP request (a poller copying
/// photos). Null when not configured: such code then keeps the links it was given.
/// </summary>
public sealed record PublicBase(string? Origin)
{
    /// <summary>The configured origin, else the Functions app's own host name (<c>WEBSITE_HOSTNAME</c> in Azure), else none.</summary>
    public static PublicBase From(string? configured, string? websiteHostName) =>
        new(configured is { Length: > 0 } ? configured : websiteHostName is { Length: > 0 } host ? $"https://{host}" : null);

    /// <summary><c>https://host/open311</c>, or null.</summary>
    public string? Open311 => Origin is { Length: > 0 } o ? o.TrimEnd('/') + "/open311" : null;
}
