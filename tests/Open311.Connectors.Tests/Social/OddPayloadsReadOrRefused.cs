using System.Text;
using System.Text.Json;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Every member of every sample of this folder (each in an upstream shape it names) replaced in turn by a value of
/// another type, an impossible number or a broken string, and every sample cut short: each body is read — every post
/// with an id — or refused with a FormatException; nothing else escapes. The same cases every run.
/// </summary>
public sealed class OddPayloadsReadOrRefused
{
    private static readonly SocialSettings Settings = new() { Handle = "riverton311", Hashtag = "potholes" };

    private static readonly (string Name, string Json)[] Samples =
    [
        (nameof(XV1Samples.Extended), XV1Samples.Extended),
        (nameof(XV1Samples.Search), XV1Samples.Search),
        (nameof(XV2Samples.Page), XV2Samples.Page),
        (nameof(MastodonTimelineSample.Timeline), MastodonTimelineSample.Timeline),
        (nameof(MastodonStatusSamples.Quote), MastodonStatusSamples.Quote),
        (nameof(BlueskySearchSample.Search), BlueskySearchSample.Search),
        (nameof(BlueskyFeedSample.Feed), BlueskyFeedSample.Feed),
        (nameof(BlueskyThreadSamples.Thread), BlueskyThreadSamples.Thread),
        (nameof(BlueskyThreadSamples.Record), BlueskyThreadSamples.Record),
    ];

    private static readonly string[] Networks = ["x", "mastodon", "bluesky"];

    private static readonly string[] Odd = ["null", "-1", "1e400", "\"\"", "\"\\ud800\"", "[]", "{}", "[null,7]", "true", "\"🚧 <p>x\""];

    [Fact]
    public void EveryMemberMayHoldAnOddValue()
    {
        foreach (var (name, json) in Samples)
        {
            using var document = JsonDocument.Parse(json);
            foreach (var path in Paths(document.RootElement, ""))
            {
                foreach (var odd in Odd)
                {
                    Check($"{name} {path} = {odd}", Replace(document.RootElement, path, odd));
                }
            }
        }
    }

    [Fact]
    public void ABodyCutShortAnywhereIsReadOrRefused()
    {
        foreach (var (name, json) in Samples.Append(("Lines", XV2Samples.Lines)))
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            for (var length = 0; length < bytes.Length; length += 37)
            {
                Check($"{name} cut at {length}", bytes[..length]);
            }
        }
    }

    private static void Check(string what, byte[] body)
    {
        try
        {
            var read = SocialPayloads.Read(body, Settings);
            Assert.All(read.Posts, post => Assert.False(string.IsNullOrEmpty(post.Id), what));
            Assert.All(read.Posts, post => Assert.Contains(post.Network, Networks));
        }
        catch (FormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message), what);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: {ex}");
        }
    }

    private static IEnumerable<string> Paths(JsonElement element, string path)
    {
        yield return path;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(m => (Path: $"{path}/{m.Name}", m.Value)).ToList(),
            JsonValueKind.Array => element.EnumerateArray().Select((item, i) => (Path: $"{path}/{i}", Value: item)).ToList(),
            _ => [],
        };
        foreach (var child in children.SelectMany(c => Paths(c.Value, c.Path)))
        {
            yield return child;
        }
    }

    private static byte[] Replace(JsonElement root, string target, string odd)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, root, "", target, odd);
        }

        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, string path, string target, string odd)
    {
        if (path == target)
        {
            writer.WriteRawValue(odd, skipInputValidation: true);
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value, $"{path}/{member.Name}", target, odd);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, $"{path}/{i++}", target, odd);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
