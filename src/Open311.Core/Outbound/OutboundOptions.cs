namespace Open311.Core.Outbound;

/// <summary>
/// Configuration section <c>Outbound</c>: the limits of every call this server makes to another (media copy,
/// pollers, catalogue sync, write-back, forwarding, geocoding).
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>
    /// Comma-separated CIDR ranges that may be reached although they are not public (<c>10.20.0.0/16</c>, for a town
    /// whose Open311 server lives on its own network). Empty: only public addresses are reached.
    /// </summary>
    public string? AllowedNetworks { get; set; }

    /// <summary>Largest answer read from another server, after decompression.</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest a whole call may take, redirects and retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRedirects { get; set; } = 5;
}
