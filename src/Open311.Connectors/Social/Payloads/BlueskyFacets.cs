using System.Text;
using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// A Bluesky record's rich text (<c>app.bsky.richtext.facet</c>). Facet offsets count UTF-8 bytes — an emoji or an
/// "é" before a link moves them — so the text is cut as UTF-8. A link's visible text is shortened by the app
/// ("example.org/potho..."): it is replaced by the facet's full <c>uri</c>. Tags are hashtags; a mention names a
/// DID, shown as the handle when the payload names it, else as the text the author wrote. A facet out of range,
/// overlapping another or cutting a character is ignored.
/// </summary>
internal static class BlueskyFacets
{
    public readonly record struct Decoded(string Text, List<string> Tags, List<string> Mentions);

    public static Decoded Decode(string text, JsonElement? record, IReadOnlyDictionary<string, string> handles)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var tags = new List<string>();
        var mentions = new List<string>();
        var result = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var (start, end, features) in Facets(record, bytes))
        {
            if (start < at)
            {
                continue;
            }

            var slice = Encoding.UTF8.GetString(bytes, start, end - start);
            var shown = slice;
            foreach (var feature in features)
            {
                switch (Str(feature, "$type"))
                {
                    case "app.bsky.richtext.facet#tag":
                        tags.Add(Str(feature, "tag") ?? slice);
                        break;
                    case "app.bsky.richtext.facet#mention":
                        mentions.Add(Str(feature, "did") is { } did && handles.TryGetValue(did, out var handle) ? handle : slice.Trim().TrimStart('@'));
                        break;
                    case "app.bsky.richtext.facet#link" when Str(feature, "uri") is { } uri && IsWeb(uri):
                        shown = slice.Any(char.IsWhiteSpace) ? $"{slice} ({uri})" : uri;
                        break;
                }
            }

            result.Append(Encoding.UTF8.GetString(bytes, at, start - at)).Append(shown);
            at = end;
        }

        result.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at));
        tags.AddRange(Items(record, "tags").Select(Scalar).OfType<string>());
        return new Decoded(result.ToString(), tags, mentions);
    }

    private static IEnumerable<(int Start, int End, List<JsonElement> Features)> Facets(JsonElement? record, byte[] bytes) =>
        Objects(record, "facets")
            .Select(f => (Start: Int(Obj(f, "index"), "byteStart") ?? -1, End: Int(Obj(f, "index"), "byteEnd") ?? -1, Features: Objects(f, "features").ToList()))
            .Where(f => f.Start >= 0 && f.Start < f.End && f.End <= bytes.Length && Boundary(bytes, f.Start) && Boundary(bytes, f.End))
            .OrderBy(f => f.Start);

    // A UTF-8 continuation byte is 10xxxxxx: an offset there would cut a character in two.
    private static bool Boundary(byte[] bytes, int offset) => offset == bytes.Length || (bytes[offset] & 0xC0) != 0x80;

    private static bool IsWeb(string uri) =>
        uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
