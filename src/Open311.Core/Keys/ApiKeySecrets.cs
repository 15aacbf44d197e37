using System.Security.Cryptography;
using System.Text;

namespace Open311.Core.Keys;

/// <summary>
/// Making and hashing keys. Keys are 256 random bits, so a plain SHA-256 is enough to store them safely
/// (slow password hashes exist for guessable secrets, which these are not).
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "o311_";

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The loggable id of a key: the first 12 hex digits of its hash.</summary>
    public static string IdOf(string keyHash) => keyHash[..12];

    /// <summary>Compares two secrets in constant time (for the admin key).</summary>
    public static bool SecretEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
