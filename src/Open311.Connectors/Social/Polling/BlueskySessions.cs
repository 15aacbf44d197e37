using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Open311.Connectors.Social;

/// <summary>
/// Bluesky sign-ins, kept in memory for their lifetime. <c>com.atproto.server.createSession</c> is limited per account
/// (30 per 5 minutes and 300 a day on a PDS, 100 a day at the bsky.social entryway — docs.bsky.app/docs/advanced-guides/rate-limits,
/// bsky-docs#183), so a poll every 5 minutes must not sign in each time: the access token is used until it ends (its
/// JWT <c>exp</c>), then renewed with <c>refreshSession</c> and the refresh token, and only then is the app password
/// sent again. The key includes a hash of the password, so a changed password is a new sign-in. A call answered 401
/// (the token expired early, or was revoked) renews the session and is made once more.
/// </summary>
public sealed class BlueskySessions(TimeProvider time, ILogger<BlueskySessions> logger)
{
    /// <summary>Where an account signs in when its source names no <c>service</c>.</summary>
    public const string DefaultService = "https://bsky.social";

    private readonly ConcurrentDictionary<string, BlueskySession> sessions = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends what <paramref name="build"/> makes with the account's access token; on a 401 signs in again and sends it
    /// once more (nothing was written: a refused token changes nothing).
    /// </summary>
    internal async Task<SocialAnswer> SendAsync(HttpClient http, SocialSettings settings, Func<BlueskySession, HttpRequestMessage> build, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = await GetAsync(http, settings, timeout, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using var request = build(session);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessJwt);
            try
            {
                return await SocialHttp.SendAsync(http, request, what, timeout, time, cancellationToken);
            }
            catch (SocialAnswerException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                logger.LogInformation("Bluesky refused the access token of {Handle} ({Reason}); signing in again", session.Handle, ex.Message);
                sessions.TryUpdate(session.Key, session with { AccessExpires = DateTimeOffset.MinValue }, session);
                session = await GetAsync(http, settings, timeout, cancellationToken);
            }
        }
    }

    internal async Task<BlueskySession> GetAsync(HttpClient http, SocialSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var service = Service(settings);
        var identifier = settings.Identifier!.Trim();
        var password = settings.AppPassword!;
        var key = $"{service}\n{identifier}\n{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)))}";
        if (sessions.TryGetValue(key, out var cached))
        {
            if (cached.AccessExpires > time.GetUtcNow().AddMinutes(1))
            {
                return cached;
            }

            if (await RefreshAsync(http, cached, timeout, cancellationToken) is { } refreshed)
            {
                sessions[key] = refreshed;
                return refreshed;
            }
        }

        var created = await CreateAsync(http, key, service, identifier, password, timeout, cancellationToken);
        sessions[key] = created;
        return created;
    }

    internal static string Service(SocialSettings settings) =>
        (string.IsNullOrWhiteSpace(settings.Service) ? DefaultService : settings.Service).Trim().TrimEnd('/');

    private async Task<BlueskySession> CreateAsync(HttpClient http, string key, string service, string identifier, string password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service}/xrpc/com.atproto.server.createSession")
        {
            Content = SocialHttp.Json(new Dictionary<string, string> { ["identifier"] = identifier, ["password"] = password }),
        };
        try
        {
            var answer = await SocialHttp.SendAsync(http, request, $"{service} (sign-in of {identifier})", timeout, time, cancellationToken);
            return Read(answer.Body, key, service);
        }
        catch (SocialAnswerException ex) when (ex.ErrorBody?.Contains("AuthFactorTokenRequired", StringComparison.Ordinal) == true)
        {
            throw new SocialAnswerException($"Bluesky asks {identifier} for a code sent by e-mail: set an app password (Settings → Privacy and security → App passwords), not the account password", HttpStatusCode.Unauthorized, ex.ErrorBody);
        }
        catch (SocialAnswerException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SocialAnswerException($"Bluesky refused the sign-in of {identifier}: the app password was refused ({ex.Message})", HttpStatusCode.Unauthorized, ex.ErrorBody);
        }
    }

    /// <summary>A new session from the refresh token; null when it is refused (expired, revoked), so the caller signs in.</summary>
    private async Task<BlueskySession?> RefreshAsync(HttpClient http, BlueskySession session, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{session.Service}/xrpc/com.atproto.server.refreshSession");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.RefreshJwt);
        try
        {
            var answer = await SocialHttp.SendAsync(http, request, $"{session.Service} (session refresh)", timeout, time, cancellationToken);
            return Read(answer.Body, session.Key, session.Service);
        }
        catch (SocialAnswerException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            logger.LogInformation("Bluesky refused to refresh the session of {Handle} ({Reason}); signing in again", session.Handle, ex.Message);
            sessions.TryRemove(new KeyValuePair<string, BlueskySession>(session.Key, session));
            return null;
        }
    }

    private BlueskySession Read(byte[] body, string key, string service)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Text("accessJwt") is not { } access || Text("refreshJwt") is not { } refresh || Text("did") is not { } did)
        {
            throw new FormatException($"{service} answered the sign-in without a session (accessJwt, refreshJwt, did)");
        }

        // An access token whose expiry cannot be read is used for ten minutes: far fewer sign-ins than the limits allow.
        return new BlueskySession(key, service, did, Text("handle") ?? did, access, refresh, Expiry(access) ?? time.GetUtcNow().AddMinutes(10));
    }

    /// <summary>The <c>exp</c> claim of a JWT (read, not verified: it only decides when to renew).</summary>
    private static DateTimeOffset? Expiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
            return claims.RootElement.ValueKind == JsonValueKind.Object && claims.RootElement.TryGetProperty("exp", out var exp)
                && exp.TryGetInt64(out var seconds) && seconds is > 0 and < 253_402_300_799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
