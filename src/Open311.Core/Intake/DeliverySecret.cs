using System.Security.Cryptography;
using System.Text;

namespace Open311.Core.Intake;

/// <summary>
/// A source's shared secret on a delivery, however the sender can send it: <c>?key=</c>, <c>Authorization: Bearer</c>,
/// or the password of HTTP basic auth. Every comparison is in constant time.
/// </summary>
public static class DeliverySecret
{
    /// <summary>Null when the delivery carries the secret; else why not.</summary>
    /// <param name="basicUser">The basic-auth user name to expect with the secret; any when null.</param>
    public static string? Check(InboundDelivery delivery, string? secret, string? basicUser = null)
    {
        if (secret is not { Length: > 0 })
        {
            return "this source has no secret: set one to take deliveries on this endpoint";
        }

        var presented = new List<string>();
        if (delivery.Query.TryGetValue("key", out var key))
        {
            presented.Add(key);
        }

        var authorization = delivery.Header("Authorization") ?? string.Empty;
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented.Add(authorization[7..].Trim());
        }
        else if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && Basic(authorization[6..]) is { } basic
            && (basicUser is null || Same(basic.User, basicUser)))
        {
            presented.Add(basic.Password);
        }

        return presented.Any(p => Same(p, secret)) ? null : "missing or wrong secret (?key=, Bearer or basic auth)";
    }

    /// <summary>Equal or not, in time that does not depend on where they differ (or on their lengths).</summary>
    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));

    private static (string User, string Password)? Basic(string encoded)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim())).Split(':', 2);
            return pair.Length == 2 ? (pair[0], pair[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
