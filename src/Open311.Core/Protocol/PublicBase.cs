namespace Open311.Core.Protocol;

/// <summary>
/// The configured public origin (Open311__PublicBaseUrl), for links made outside an HTTP request (a poller copying
/// photos). Null when not configured: such code then keeps the links it was given.
/// </summary>
public sealed record PublicBase(string? Origin)
{
    /// <summary><c>https://host/open311</c>, or null.</summary>
    public string? Open311 => Origin is { Length: > 0 } o ? o.TrimEnd('/') + "/open311" : null;
}
