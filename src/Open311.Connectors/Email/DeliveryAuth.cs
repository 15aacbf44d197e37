using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Open311.Core.Intake;

namespace Open311.Connectors.Email;

/// <summary>
/// Who may deliver to an e-mail source. The <c>mime</c>, <c>sendgrid</c> and <c>postmark</c> endpoints take the
/// source's secret as <c>?key=</c>, a bearer token, or a basic-auth password (what each sender can send); Mailgun signs
/// every delivery: hex HMAC-SHA256 of timestamp + token with the signing key, fresh within 15 minutes, each token once.
/// Every comparison is in constant time.
/// </summary>
public sealed class DeliveryAuth(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(15);
    public const int MaxTokens = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> seenTokens = new(StringComparer.Ordinal);

    /// <summary>Null when the delivery carries the secret; else why not.</summary>
    public static string? CheckSecret(EmailSettings settings, InboundDelivery delivery) =>
        DeliverySecret.Check(delivery, settings.Secret, settings.BasicUser);

    /// <summary>Null when Mailgun's signature is right, fresh and not seen before; else why not.</summary>
    public string? CheckMailgun(EmailSettings settings, FormFields form)
    {
        if (settings.MailgunSigningKey is not { Length: > 0 } signingKey)
        {
            return "this source has no mailgun_signing_key";
        }

        if (form["timestamp"] is not { } timestamp || form["token"] is not { Length: > 0 } token || form["signature"] is not { } signature)
        {
            return "the delivery has no timestamp, token and signature";
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token)));
        if (!Same(expected, signature.Trim().ToLowerInvariant()))
        {
            return "wrong signature";
        }

        var now = time.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Freshness)
        {
            return "the signature's timestamp is not within 15 minutes of now";
        }

        if (seenTokens.Count >= MaxTokens)
        {
            foreach (var old in seenTokens.Where(t => t.Value < now).Select(t => t.Key).ToList())
            {
                seenTokens.TryRemove(old, out _);
            }
        }

        return seenTokens.TryAdd(token, now + (2 * Freshness)) ? null : "this token was used before (a replayed delivery)";
    }

    private static bool Same(string a, string b) => DeliverySecret.Same(a, b);
}
