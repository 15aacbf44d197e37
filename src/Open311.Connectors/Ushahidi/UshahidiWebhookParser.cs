using System.Text.Json;

namespace Open311.Connectors.Ushahidi;

/// <summary>The body a deployment's webhook sends (the V3 post entity), read as JSON before anything else trusts it.</summary>
public static class UshahidiWebhookParser
{
    /// <exception cref="FormatException">The body is not JSON; the message says why.</exception>
    public static JsonElement Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not JSON ({ex.Message.Split(" Path:", 2)[0]})");
        }
    }
}
