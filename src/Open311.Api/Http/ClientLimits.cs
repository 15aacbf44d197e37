using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>
/// Limits per client address on the routes anyone can call without a key of their own, in both hosts alike: a rate
/// for lookups and the manage API, and a budget of refused credentials (webhook signatures, unknown API keys, wrong
/// admin keys) after which that address is answered 429 before anything is checked or read from storage. Per
/// instance, like the per-key limits; numbers in <see cref="Open311Options"/> and docs/reliability.md.
/// </summary>
public sealed class ClientLimits(IOptions<Open311Options> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Kind, string Client)> limiter = PartitionedRateLimiter.Create<(string Kind, string Client), (string, string)>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, k => Bucket(PerMinute(options.Value, k.Item1))));

    public const string Lookup = "lookup";
    public const string Manage = "manage";
    public const string WebhookFailure = "webhook signature";
    public const string KeyFailure = "api_key";
    public const string AdminFailure = "admin key";

    /// <summary>Counts one call of <paramref name="kind"/>; 429 with Retry-After when the address has used its minute.</summary>
    public void Take(HttpRequest request, string kind)
    {
        using var lease = limiter.AttemptAcquire((kind, ClientOf(request)));
        if (!lease.IsAcquired)
        {
            throw TooMany(kind, lease);
        }
    }

    /// <summary>429 when the address has no refusals of <paramref name="kind"/> left this minute; checks without spending.</summary>
    public void EnsureFailuresLeft(HttpRequest request, string kind)
    {
        using var lease = limiter.AttemptAcquire((kind, ClientOf(request)), permitCount: 0);
        if (!lease.IsAcquired)
        {
            throw TooMany(kind, lease);
        }
    }

    /// <summary>Spends one refusal of <paramref name="kind"/> for the address.</summary>
    public void Failed(HttpRequest request, string kind)
    {
        using var lease = limiter.AttemptAcquire((kind, ClientOf(request)));
    }

    public string ClientOf(HttpRequest request)
    {
        if (options.Value.ClientIpHeader is { Length: > 0 } header
            && request.Headers[header].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } forwarded)
        {
            // Azure's front ends write "address:port" (IPv6 in brackets when a port follows).
            return IPEndPoint.TryParse(forwarded, out var endpoint) ? endpoint.Address.ToString() : forwarded;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    public void Dispose() => limiter.Dispose();

    private static int PerMinute(Open311Options options, string kind) => kind switch
    {
        Lookup => options.LookupPerMinute,
        Manage => options.ManagePerMinute,
        _ => options.FailuresPerMinute,
    };

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = Math.Max(1, perMinute),
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(perMinute >= 60 ? 1 : 60.0 / Math.Max(1, perMinute)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static Open311Exception TooMany(string kind, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
        return new Open311Exception(429, [new Open311Error(429, $"Too many {kind} requests from this address; retry later.")], wait);
    }
}
