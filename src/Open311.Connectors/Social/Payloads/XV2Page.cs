using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// One X API v2 response (recent search, post lookup, or a line of a twarc archive): each post of <c>data</c>,
/// joined to its author, place and media in <c>includes</c> by <c>author_id</c>, <c>geo.place_id</c> and
/// <c>attachments.media_keys</c>. A long post's full text is its <c>note_tweet</c>.
/// </summary>
internal static class XV2Page
{
    public static bool Looks(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && Obj(e, "account") is null
        && (Member(e, "data")?.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            || (Obj(e, "meta") is { } meta && (Member(meta, "result_count") is not null || Str(meta, "newest_id") is not null)));

    public static SocialRead Read(JsonElement response)
    {
        var includes = Obj(response, "includes");
        var users = ById(includes, "users", "id");
        var media = ById(includes, "media", "media_key");
        var places = ById(includes, "places", "id");
        var data = Member(response, "data");
        List<JsonElement> posts = data is { ValueKind: JsonValueKind.Array } array ? [.. array.EnumerateArray()]
            : data is { ValueKind: JsonValueKind.Object } one ? [one] : [];
        var meta = Obj(response, "meta");
        return new SocialRead(
            [.. posts.Select(p => SocialPayloads.Safely(p, "x", post => Post(post, users, media, places)))],
            "x-v2",
            Str(meta, "next_token"),
            Id(meta, "newest_id"));
    }

    private static SocialPost Post(JsonElement post, Dictionary<string, JsonElement> users, Dictionary<string, JsonElement> media, Dictionary<string, JsonElement> places)
    {
        var problems = new List<string>();
        var id = Id(post, "id");
        if (id is null)
        {
            problems.Add("the post has no id");
        }

        var note = Obj(post, "note_tweet");
        var text = Text(note, "text") ?? Text(post, "text") ?? "";
        var entities = Obj(note, "entities") ?? Obj(post, "entities");
        var links = Objects(entities, "urls").Select(u => new XLinks.Replacement(
            Int(u, "start"), Int(u, "end"), Str(u, "url") ?? "",
            Str(u, "media_key") is not null ? "" : Str(u, "expanded_url") ?? Str(u, "url") ?? ""));

        var geo = Obj(post, "geo");
        var point = SocialPoints.FromLonLat(Member(Obj(geo, "coordinates"), "coordinates"));
        if (point.Problem is not null)
        {
            problems.Add(point.Problem);
        }

        var author = Str(post, "author_id") is { } authorId && users.TryGetValue(authorId, out var user) ? user : (JsonElement?)null;
        var handle = Str(author, "username");
        var referenced = Objects(post, "referenced_tweets").Select(r => (Type: Str(r, "type"), Id: Id(r, "id"))).ToList();
        return new SocialPost
        {
            Network = "x",
            Id = id ?? Unreadable(post),
            Url = id is null ? null : handle is null ? $"https://x.com/i/web/status/{id}" : $"https://x.com/{handle}/status/{id}",
            AuthorId = Id(post, "author_id"),
            AuthorHandle = handle,
            AuthorName = Str(author, "name"),
            AuthorUrl = handle is null ? null : $"https://x.com/{handle}",
            Text = XLinks.Expand(text, links),
            Hashtags = Words(Objects(entities, "hashtags").Select(h => Str(h, "tag")), '#'),
            Mentions = Words(Objects(entities, "mentions").Select(m => Str(m, "username")), '@'),
            CreatedAt = Time(post, "created_at"),
            RepostOf = referenced.FirstOrDefault(r => r.Type is "retweeted" or "quoted" && r.Id is not null).Id,
            ReplyTo = referenced.FirstOrDefault(r => r.Type is "replied_to" && r.Id is not null).Id,
            Lat = point.Lat,
            Long = point.Long,
            Place = Str(geo, "place_id") is { } placeId && places.TryGetValue(placeId, out var place) ? Place(place) : null,
            Photos = Items(Obj(post, "attachments"), "media_keys")
                .Select(k => Scalar(k) is { } key && media.TryGetValue(key, out var m) ? m : (JsonElement?)null)
                .Where(m => Str(m, "type") is "photo")
                .Select(m => (Url: Str(m, "url") ?? Str(m, "preview_image_url"), Alt: Str(m, "alt_text")))
                .Where(m => m.Url is not null)
                .DistinctBy(m => m.Url)
                .Select(m => new SocialPhoto(m.Url!, m.Alt))
                .ToList(),
            Problem = problems.Count > 0 ? string.Join("; ", problems) : null,
        };
    }

    /// <summary><c>includes.places[]</c>: <c>geo.bbox</c> is <c>[west, south, east, north]</c>.</summary>
    private static SocialPlace? Place(JsonElement place)
    {
        var box = Items(Obj(place, "geo"), "bbox").Select(Coordinate).ToList();
        var name = Str(place, "full_name") ?? Str(place, "name");
        return box.Count == 4 ? XPlaces.Box(name, [box[0], box[2]], [box[1], box[3]]) : null;
    }

    // The first of an id wins, as X lists each expansion once.
    private static Dictionary<string, JsonElement> ById(JsonElement? includes, string list, string key)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in Objects(includes, list))
        {
            if (Str(item, key) is { } id)
            {
                index.TryAdd(id, item);
            }
        }

        return index;
    }
}
