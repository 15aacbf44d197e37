using System.Text.Json;
using Open311.Core.Intake;

namespace Open311.Connectors.Ushahidi;

/// <summary>The body a deployment's webhook sends (the V3 post entity) as an inbound report and its media ids.</summary>
public static class UshahidiWebhookParser
{
    /// <exception cref="FormatException">The body is not a post entity; the message says why.</exception>
    public static (InboundReport Report, IReadOnlyList<long> MediaIds) Parse(string sourceId, ReadOnlySpan<byte> body, SourceDocument source, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not JSON ({ex.Message.Split(" Path:", 2)[0]})");
        }

        using (document)
        {
            return (UshahidiPostReader.Read(document.RootElement, sourceId, source, now), UshahidiPostReader.MediaIds(document.RootElement, source));
        }
    }
}
