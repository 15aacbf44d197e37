using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// Reads whatever a social source delivers or a poll fetches — X v1.1 statuses and v2 responses (also twarc's one
/// response per line), Mastodon statuses and timelines, Bluesky records, views, feeds, search pages and threads —
/// into <see cref="SocialPost"/>s, recognising the shape by its members so one endpoint takes them all. One post that
/// cannot be read becomes a post with its <see cref="SocialPost.Problem"/> (and a stable <c>unreadable-</c> id), never
/// an exception that would lose the others. Texts are cleaned of the source's own handle and hashtag
/// (<see cref="SocialText.Clean"/>).
/// </summary>
public static class SocialPayloads
{
    /// <summary>The id given a post whose own id cannot be read (followed by a hash of its JSON): such a post is recorded as rejected.</summary>
    public const string UnreadablePrefix = "unreadable-";

    /// <summary>What the reader understands, as the refusal of anything else names it.</summary>
    public const string Understood =
        "X v1.1 status, X v2 response (JSON or one per line), Mastodon status or timeline, Bluesky record, post view, feed or thread";

    // Bluesky threads nest a level per ancestor (up to 80 by default), each post a few more.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    private enum Kind
    {
        None,
        XV1,
        Mastodon,
        BlueskyView,
        BlueskyFeedItem,
        BlueskyRecord,
        BlueskyBareRecord,
    }

    /// <exception cref="FormatException">The body is empty, not JSON, or no shape this reader knows; the message names the shapes.</exception>
    public static SocialRead Read(byte[] body, SocialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        ReadOnlyMemory<byte> json = body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body.AsMemory();
        if (IsBlank(json.Span))
        {
            throw Refuse("it is empty");
        }

        SocialRead read;
        if (Parse(json) is { } document)
        {
            using (document)
            {
                read = ReadRoot(document.RootElement) ?? throw Refuse("it is JSON of another shape");
            }
        }
        else
        {
            read = ReadLines(json) ?? throw Refuse("it is not JSON");
        }

        return read with { Posts = [.. read.Posts.Select(post => SocialText.Clean(post, settings))] };
    }

    /// <summary>Reads one post; whatever goes wrong becomes the post's problem, so the others are still read.</summary>
    internal static SocialPost Safely(JsonElement element, string network, Func<JsonElement, SocialPost> read)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Broken(network, Unreadable(element), "the item is not a JSON object");
        }

        try
        {
            return read(element);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or KeyNotFoundException)
        {
            return Broken(network, Unreadable(element), $"the post could not be read ({ex.Message})");
        }
    }

    private static SocialPost Broken(string network, string id, string problem) =>
        new() { Network = network, Id = id, Text = "", Problem = problem };

    private static FormatException Refuse(string why) =>
        new($"The body is not a post this endpoint reads ({why}): {Understood}.");

    private static JsonDocument? Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SocialRead? ReadRoot(JsonElement root)
    {
        var bluesky = BlueskyPayload.Reader(root);
        if (root.ValueKind == JsonValueKind.Array)
        {
            return ReadArray(root, bluesky);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (XV2Page.Looks(root))
        {
            return XV2Page.Read(root);
        }

        if (Member(root, "statuses") is { ValueKind: JsonValueKind.Array } statuses)
        {
            // X v1.1 search ({statuses, search_metadata}) or Mastodon's v2 search ({accounts, statuses, hashtags}).
            var search = Obj(root, "search_metadata");
            var found = statuses.GetArrayLength() == 0 ? new SocialRead([], IsArray(root, "accounts") ? "mastodon" : "x-v1.1") : ReadArray(statuses, bluesky);
            return found is null ? null : found with { NextToken = Str(search, "next_results"), NewestId = Id(search, "max_id_str") };
        }

        if (BlueskyPayload.Read(root, bluesky) is { } page)
        {
            return page;
        }

        var kind = KindOf(root);
        return kind == Kind.None ? null : new SocialRead([ReadItem(root, kind, bluesky)], ShapeOf(kind));
    }

    /// <summary>A timeline or list: its shape is that of its first recognisable item; every item is read.</summary>
    private static SocialRead? ReadArray(JsonElement array, BlueskyPosts bluesky)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            return new SocialRead([], "empty");
        }

        var kinds = items.Select(KindOf).ToList();
        var first = kinds.Find(k => k != Kind.None);
        return first == Kind.None ? null
            : new SocialRead([.. items.Select((item, i) => ReadItem(item, kinds[i] == Kind.None ? first : kinds[i], bluesky))], ShapeOf(first));
    }

    private static Kind KindOf(JsonElement e) =>
        e.ValueKind != JsonValueKind.Object ? Kind.None
        : MastodonStatus.Looks(e) ? Kind.Mastodon
        : BlueskyPosts.IsRecord(e) ? Kind.BlueskyBareRecord
        : BlueskyPosts.IsWrappedRecord(e) ? Kind.BlueskyRecord
        : BlueskyPosts.IsView(e) ? Kind.BlueskyView
        : BlueskyPosts.IsFeedItem(e) ? Kind.BlueskyFeedItem
        : XV1Status.Looks(e) ? Kind.XV1
        : Kind.None;

    private static SocialPost ReadItem(JsonElement item, Kind kind, BlueskyPosts bluesky) => kind switch
    {
        Kind.XV1 => Safely(item, "x", XV1Status.Read),
        Kind.Mastodon => Safely(item, "mastodon", MastodonStatus.Read),
        Kind.BlueskyView => Safely(item, "bluesky", view => bluesky.FromView(view)),
        Kind.BlueskyFeedItem => Safely(item, "bluesky", bluesky.FromFeedItem),
        Kind.BlueskyRecord => Safely(item, "bluesky", bluesky.FromRecord),
        _ => Safely(item, "bluesky", bluesky.FromBareRecord),
    };

    private static string ShapeOf(Kind kind) => kind switch
    {
        Kind.XV1 => "x-v1.1",
        Kind.Mastodon => "mastodon",
        _ => "bluesky",
    };

    /// <summary>
    /// One JSON document per line, as twarc and other archive tools write X v2 responses. A line that is not JSON, or
    /// not a shape read here, becomes an unreadable post (the rest are read); a body with no readable line is refused.
    /// </summary>
    private static SocialRead? ReadLines(ReadOnlyMemory<byte> json)
    {
        var posts = new List<SocialPost>();
        var broken = new List<(int Index, string Id, string Problem)>();
        string? shape = null, next = null, newest = null;
        var number = 0;
        for (var rest = json; !rest.IsEmpty;)
        {
            number++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (IsBlank(line.Span))
            {
                continue;
            }

            using var document = Parse(line);
            if ((document is null ? null : ReadRoot(document.RootElement)) is not { } read)
            {
                broken.Add((posts.Count, Unreadable(line.Span), $"line {number} of the body is {(document is null ? "not JSON" : "JSON of another shape")}; its posts could not be read"));
                continue;
            }

            shape ??= read.Shape is "empty" ? null : read.Shape;
            posts.AddRange(read.Posts);
            next = read.NextToken ?? next;
            newest = Newer(newest, read.NewestId);
        }

        if (posts.Count == 0 && shape is null)
        {
            return null;
        }

        var network = shape switch { "mastodon" => "mastodon", "bluesky" => "bluesky", _ => "x" };
        foreach (var (index, id, problem) in Enumerable.Reverse(broken))
        {
            posts.Insert(index, Broken(network, id, problem));
        }

        return new SocialRead(posts, shape ?? "empty", next, newest);
    }

    // Snowflake ids: the longer is the newer, and between equal lengths the greater.
    private static string? Newer(string? a, string? b) =>
        a is null ? b
        : b is null ? a
        : b.Length != a.Length ? (b.Length > a.Length ? b : a)
        : string.CompareOrdinal(b, a) > 0 ? b : a;

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r\n"u8).IsEmpty;
}
