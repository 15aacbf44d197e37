using System.Text;
using System.Text.Json;
using Open311.Core.Protocol;

namespace Open311.Core.Outbound;

/// <summary>Reads answers from other servers with a limit of the caller's own, checked while the bytes stream in.</summary>
public static class HttpContentReading
{
    public static async Task<byte[]> ReadBytesAsync(this HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await BoundedRead.ReadAllAsync(stream, maxBytes, () => TooLarge(maxBytes), cancellationToken);
    }

    /// <summary>The body as text, in the charset the answer names (UTF-8 when it names none or one we do not know).</summary>
    public static async Task<string> ReadTextAsync(this HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadBytesAsync(maxBytes, cancellationToken);
        var encoding = Encoding.UTF8;
        if (content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
            }
        }

        return encoding.GetString(bytes).TrimStart('\uFEFF');
    }

    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static async Task<JsonDocument> ReadJsonAsync(this HttpContent content, long maxBytes, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await content.ReadBytesAsync(maxBytes, cancellationToken), new JsonDocumentOptions { MaxDepth = 64 });

    private static OutboundRefusedException TooLarge(long maxBytes) =>
        new($"The answer is larger than {maxBytes:N0} bytes; reading stopped there.");
}
