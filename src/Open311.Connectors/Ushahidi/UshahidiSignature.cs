using System.Security.Cryptography;
using System.Text;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// The <c>X-Ushahidi-Signature</c> check: base64(HMAC-SHA256(key = shared secret, message = the webhook URL as
/// configured + the raw body bytes)), plain concatenation (platform <c>Core/Tool/Signer.php</c>). Always over the
/// configured URL — never the one this server sees behind proxies — and the raw bytes, compared in constant time.
/// </summary>
public static class UshahidiSignature
{
    public static string Compute(string secret, string url, ReadOnlySpan<byte> body)
    {
        var urlBytes = Encoding.UTF8.GetBytes(url);
        var message = new byte[urlBytes.Length + body.Length];
        urlBytes.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(urlBytes.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public static bool IsValid(string secret, string url, ReadOnlySpan<byte> body, string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, url, body));
        var given = Encoding.ASCII.GetBytes(presented.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
