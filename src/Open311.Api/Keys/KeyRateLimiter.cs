using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Open311.Core.Keys;
using Open311.Core.Protocol;

namespace Open311.Api.Keys;

/// <summary>
/// A token bucket per API key: a key may burst up to its per-minute rate, then gets one request per
/// 1/rate of a minute. Per instance: a scaled-out app multiplies the limit by its instance count.
/// </summary>
public sealed class KeyRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> buckets = new();

    public void Acquire(ApiKey key)
    {
        if (key.RatePerMinute <= 0)
        {
            return;
        }

        var bucket = buckets.GetOrAdd(key.Id, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = key.RatePerMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / key.RatePerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1) / key.RatePerMinute;
            throw new Open311Exception(429, [new Open311Error(429, $"Rate limit of {key.RatePerMinute} requests per minute exceeded for this api_key; retry later.")], wait);
        }
    }

    public void Dispose()
    {
        foreach (var bucket in buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
