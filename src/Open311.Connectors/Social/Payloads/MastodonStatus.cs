using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// One Mastodon status (a timeline item, a lookup, a search hit): its HTML content as text, the content warning
/// before it, tags, mentions and image attachments. A boost (<c>reblog</c>) or a quote (4.5's <c>quote</c>, either
/// the full <c>quoted_status</c> or the shallow <c>quoted_status_id</c>) is marked as passed on. Mastodon has no place.
/// </summary>
internal static class MastodonStatus
{
    public static bool Looks(JsonElement e) => Obj(e, "account") is not null && Member(e, "content")?.ValueKind == JsonValueKind.String;

    public static SocialPost Read(JsonElement status)
    {
        var id = Id(status, "id");
        var account = Obj(status, "account");
        var warning = Str(status, "spoiler_text");
        var content = MastodonHtml.ToText(Text(status, "content") ?? "");
        return new SocialPost
        {
            Network = "mastodon",
            Id = id ?? Unreadable(status),
            Url = Str(status, "url") ?? Str(status, "uri"),
            AuthorId = Id(account, "id"),
            AuthorHandle = Str(account, "acct") ?? Str(account, "username"),
            AuthorName = Str(account, "display_name"),
            AuthorUrl = Str(account, "url"),
            Text = warning is null ? content : content.Length == 0 ? warning : $"{warning}\n\n{content}",
            Hashtags = Words(Objects(status, "tags").Select(t => Str(t, "name")), '#'),
            Mentions = Words(Objects(status, "mentions").Select(m => Str(m, "acct") ?? Str(m, "username")), '@'),
            CreatedAt = Time(status, "created_at"),
            EditedAt = Time(status, "edited_at"),
            RepostOf = Id(Obj(status, "reblog"), "id") ?? QuoteOf(Obj(status, "quote")),
            ReplyTo = Id(status, "in_reply_to_id"),
            Photos = Objects(status, "media_attachments")
                .Where(m => Str(m, "type") is "image")
                .Select(m => (Url: Str(m, "url") ?? Str(m, "remote_url"), Alt: Str(m, "description")))
                .Where(m => m.Url is not null)
                .DistinctBy(m => m.Url)
                .Select(m => new SocialPhoto(m.Url!, m.Alt))
                .ToList(),
            Problem = id is null ? "the status has no id" : null,
        };
    }

    private static string? QuoteOf(JsonElement? quote) =>
        Id(Obj(quote, "quoted_status"), "id") ?? Id(quote, "quoted_status_id");
}
