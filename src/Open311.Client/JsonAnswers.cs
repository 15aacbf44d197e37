using System.Text.Json;

namespace Open311.Client;

/// <summary>
/// Reads a JSON answer into the neutral tree. Numbers and booleans keep their text, so ids sent as numbers and
/// "true" strings read the same as the spec's forms.
/// </summary>
internal static class JsonAnswers
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 64,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static Node Read(string text)
    {
        using var document = JsonDocument.Parse(text, Options);
        return Convert(null, document.RootElement);
    }

    // Recursion is bounded by MaxDepth, which the parser enforces.
    private static Node Convert(string? name, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new Node(NodeKind.Object, name, null, element.EnumerateObject().Select(p => Convert(p.Name, p.Value)).ToList()),
        JsonValueKind.Array => new Node(NodeKind.Array, name, null, element.EnumerateArray().Select(e => Convert(null, e)).ToList()),
        JsonValueKind.String => new Node(NodeKind.Text, name, Node.Clean(element.GetString()), []),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new Node(NodeKind.Text, name, element.GetRawText(), []),
        _ => new Node(NodeKind.Text, name, null, []),
    };
}
