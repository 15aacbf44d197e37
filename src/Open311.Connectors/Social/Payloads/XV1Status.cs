using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// One X v1.1 status (REST, search, streaming or an archive): the full text of <c>extended_tweet</c> (streaming's
/// compatibility mode) or <c>full_text</c> (<c>tweet_mode=extended</c>) before the truncated <c>text</c>, with its
/// entities. Client libraries that flatten the status (python-twitter's test data puts <c>urls</c>, <c>hashtags</c>,
/// <c>user_mentions</c> and <c>media</c> on the status itself) are read too.
/// </summary>
internal static class XV1Status
{
    public static bool Looks(JsonElement e) =>
        (Member(e, "text") is not null || Member(e, "full_text") is not null || Obj(e, "extended_tweet") is not null)
        && (Member(e, "id_str") is not null || Obj(e, "user") is not null);

    public static SocialPost Read(JsonElement status)
    {
        var problems = new List<string>();
        var id = Id(status, "id_str") ?? Id(status, "id");
        if (id is null)
        {
            problems.Add("the status has no id_str or id");
        }

        var extended = Obj(status, "extended_tweet");
        var entities = Obj(extended, "entities") ?? Obj(status, "entities") ?? status;
        var media = Objects(Obj(extended, "extended_entities"), "media")
            .Concat(Objects(Obj(status, "extended_entities"), "media"))
            .Concat(Objects(entities, "media"))
            .ToList();

        var text = Text(extended, "full_text") ?? Text(status, "full_text") ?? Text(status, "text") ?? "";
        var links = Objects(entities, "urls")
            .Select(u => new XLinks.Replacement(Index(u, 0), Index(u, 1), Str(u, "url") ?? "", Str(u, "expanded_url") ?? Str(u, "url") ?? ""))
            .Concat(media.Select(m => new XLinks.Replacement(Index(m, 0), Index(m, 1), Str(m, "url") ?? "", "")))
            .ToList();

        var point = SocialPoints.FromLonLat(Member(Obj(status, "coordinates"), "coordinates"));
        if (point.Lat is null && point.Problem is null)
        {
            point = SocialPoints.FromLatLon(Member(Obj(status, "geo"), "coordinates"));
        }

        if (point.Problem is not null)
        {
            problems.Add(point.Problem);
        }

        var user = Obj(status, "user");
        var handle = Str(user, "screen_name");
        return new SocialPost
        {
            Network = "x",
            Id = id ?? Unreadable(status),
            Url = id is null ? null : handle is null ? $"https://x.com/i/web/status/{id}" : $"https://x.com/{handle}/status/{id}",
            AuthorId = Id(user, "id_str") ?? Id(user, "id"),
            AuthorHandle = handle,
            AuthorName = Str(user, "name"),
            AuthorUrl = handle is null ? null : $"https://x.com/{handle}",
            Text = XLinks.Expand(text, links),
            Hashtags = Words(Objects(entities, "hashtags").Select(h => Str(h, "text")), '#'),
            Mentions = Words(Objects(entities, "user_mentions").Select(m => Str(m, "screen_name")), '@'),
            CreatedAt = Time(status, "created_at"),
            RepostOf = RepostOf(status),
            ReplyTo = Id(status, "in_reply_to_status_id_str") ?? Id(status, "in_reply_to_status_id"),
            Lat = point.Lat,
            Long = point.Long,
            Place = Place(Obj(status, "place")),
            Photos = media.Where(m => Str(m, "type") is "photo")
                .Select(m => (Url: Str(m, "media_url_https") ?? Str(m, "media_url"), Alt: Str(m, "ext_alt_text")))
                .Where(m => m.Url is not null)
                .DistinctBy(m => m.Url)
                .Select(m => new SocialPhoto(m.Url!, m.Alt))
                .ToList(),
            Problem = problems.Count > 0 ? string.Join("; ", problems) : null,
        };
    }

    // A quote carries quoted_status_id_str; is_quote_status, when sent, must not deny it (archives often drop it).
    private static string? RepostOf(JsonElement status) =>
        Id(Obj(status, "retweeted_status"), "id_str") ?? Id(Obj(status, "retweeted_status"), "id")
        ?? (Bool(status, "is_quote_status") is false ? null
            : Id(status, "quoted_status_id_str") ?? Id(Obj(status, "quoted_status"), "id_str") ?? Id(status, "quoted_status_id"));

    /// <summary><c>place.bounding_box.coordinates[0]</c>: a ring of <c>[lon, lat]</c>; the box is its extent.</summary>
    private static SocialPlace? Place(JsonElement? place)
    {
        var ring = Items(Obj(place, "bounding_box"), "coordinates").FirstOrDefault();
        var corners = ring.ValueKind == JsonValueKind.Array
            ? ring.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Array && c.GetArrayLength() >= 2)
                .Select(c => (Lon: Coordinate(c[0]), Lat: Coordinate(c[1]))).ToList()
            : [];
        var name = Str(place, "full_name") ?? Str(place, "name");
        return XPlaces.Box(name, corners.Select(c => c.Lon), corners.Select(c => c.Lat));
    }

    private static int? Index(JsonElement entity, int which) =>
        Member(entity, "indices") is { ValueKind: JsonValueKind.Array } indices && indices.GetArrayLength() == 2
        && indices[which].ValueKind == JsonValueKind.Number && indices[which].TryGetInt32(out var i) ? i : null;
}
