using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Open311.Api.Http;
using Open311.Core.Jurisdictions;
using Open311.Core.Keys;
using Open311.Core.Protocol;

namespace Open311.Api.Keys;

/// <summary>
/// Checks the API key of a POST: from the form or query (<c>api_key</c>) or <c>Authorization: Bearer</c>.
/// Known keys are cached for a minute, so a busy client costs one storage read per minute, not per POST; unknown ones
/// for a minute too (at most <see cref="MaxMisses"/> of them), and an address that keeps presenting unknown keys is
/// answered 429 before any lookup.
/// </summary>
public sealed class ApiKeyAuthenticator(IApiKeyStore store, KeyRateLimiter limiter, ClientLimits clients, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    public const int MaxMisses = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> cache = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> misses = new();

    public async Task<ApiKey> AuthenticateAsync(HttpRequest request, Parameters parameters, Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var presented = parameters.Get("api_key") ?? BearerToken(request)
            ?? throw Open311Exception.Forbidden("api_key is required to post: send the form field api_key or Authorization: Bearer <key>.");
        clients.EnsureFailuresLeft(request, ClientLimits.KeyFailure);
        var hash = ApiKeySecrets.Hash(presented);
        var key = await FindAsync(hash, cancellationToken);
        if (key is null)
        {
            clients.Failed(request, ClientLimits.KeyFailure);
            throw Open311Exception.Forbidden("Invalid api_key received -- can't proceed with create_request.");
        }

        if (!key.Allows(jurisdiction.Id))
        {
            throw Open311Exception.Forbidden($"This api_key may not post to jurisdiction '{InputText.Quote(jurisdiction.Id)}'.");
        }

        limiter.Acquire(key);
        return key;
    }

    /// <summary>Drops a revoked key from this instance's cache.</summary>
    public void Forget(string keyId)
    {
        foreach (var hash in cache.Keys.Where(h => ApiKeySecrets.IdOf(h) == keyId))
        {
            cache.TryRemove(hash, out _);
        }
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private async Task<ApiKey?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(hash, out var hit) && hit.Until > now)
        {
            return hit.Key;
        }

        if (misses.TryGetValue(hash, out var until) && until > now)
        {
            return null;
        }

        var key = await store.FindAsync(hash, cancellationToken);
        if (key is not null)
        {
            cache[hash] = (key, now + CacheFor);
            misses.TryRemove(hash, out _);
        }
        else
        {
            if (misses.Count >= MaxMisses)
            {
                misses.Clear();
            }

            misses[hash] = now + CacheFor;
        }

        return key;
    }
}
