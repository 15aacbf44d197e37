namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Our own Mastodon statuses in the shape of GET /api/v1/statuses/:id (docs.joinmastodon.org entities/Status and, for 4.5
/// quote posts, entities/Quote and entities/ShallowQuote, with the <c>quote-inline</c> fallback paragraph).
/// </summary>
public static class MastodonStatusSamples
{
    /// <summary>A quote post with the full quoted status.</summary>
    public const string Quote = """
        {
         "id": "113900000000000104",
         "created_at": "2026-03-06T09:00:00.000Z",
         "in_reply_to_id": null,
         "in_reply_to_account_id": null,
         "sensitive": false,
         "spoiler_text": "",
         "visibility": "public",
         "language": "en",
         "uri": "https://town.social/users/lena/statuses/113900000000000104",
         "url": "https://town.social/@lena/113900000000000104",
         "replies_count": 0,
         "reblogs_count": 0,
         "favourites_count": 0,
         "quotes_count": 0,
         "edited_at": null,
         "content": "<p class=\"quote-inline\">RE: <a href=\"https://town.social/@sam/113900000000000055\">town.social/@sam/113900000000000055</a></p><p>Still blocked today</p>",
         "reblog": null,
         "application": {"name":"Web","website":null},
         "account": {
          "id": "110000000000000042",
          "username": "lena",
          "acct": "lena",
          "display_name": "Lena Ortiz",
          "locked": false,
          "bot": false,
          "created_at": "2024-05-01T00:00:00.000Z",
          "note": "",
          "url": "https://town.social/@lena",
          "uri": "https://town.social/users/lena",
          "avatar": "https://town.social/avatars/original/missing.png",
          "emojis": [],
          "fields": []
         },
         "media_attachments": [],
         "mentions": [],
         "tags": [],
         "emojis": [],
         "quote": {
          "state": "accepted",
          "quoted_status": {
           "id": "113900000000000055",
           "created_at": "2026-02-28T12:00:00.000Z",
           "in_reply_to_id": null,
           "in_reply_to_account_id": null,
           "sensitive": false,
           "spoiler_text": "",
           "visibility": "public",
           "language": "en",
           "uri": "https://town.social/users/sam/statuses/113900000000000055",
           "url": "https://town.social/@sam/113900000000000055",
           "replies_count": 0,
           "reblogs_count": 0,
           "favourites_count": 0,
           "quotes_count": 0,
           "edited_at": null,
           "content": "<p>Leaf piles blocking the storm drains on Cedar Ln</p>",
           "reblog": null,
           "application": {"name":"Web","website":null},
           "account": {
            "id": "110000000000000043",
            "username": "sam",
            "acct": "sam",
            "display_name": "Sam",
            "locked": false,
            "bot": false,
            "created_at": "2024-05-01T00:00:00.000Z",
            "note": "",
            "url": "https://town.social/@sam",
            "uri": "https://town.social/users/sam",
            "avatar": "https://town.social/avatars/original/missing.png",
            "emojis": [],
            "fields": []
           },
           "media_attachments": [],
           "mentions": [],
           "tags": [],
           "emojis": [],
           "quote": null,
           "card": null,
           "poll": null,
           "quote_approval": {"automatic":["public"],"manual":[],"current_user":"automatic"}
          }
         },
         "card": null,
         "poll": null,
         "quote_approval": {"automatic":["public"],"manual":[],"current_user":"automatic"}
        }
        """;

    /// <summary>A quote post that names the quoted status by id only.</summary>
    public const string ShallowQuote = """
        {
         "id": "113900000000000105",
         "created_at": "2026-03-06T09:00:00.000Z",
         "in_reply_to_id": null,
         "in_reply_to_account_id": null,
         "sensitive": false,
         "spoiler_text": "",
         "visibility": "public",
         "language": "en",
         "uri": "https://town.social/users/lena/statuses/113900000000000105",
         "url": "https://town.social/@lena/113900000000000105",
         "replies_count": 0,
         "reblogs_count": 0,
         "favourites_count": 0,
         "quotes_count": 0,
         "edited_at": null,
         "content": "<p>Still blocked today</p>",
         "reblog": null,
         "application": {"name":"Web","website":null},
         "account": {
          "id": "110000000000000042",
          "username": "lena",
          "acct": "lena",
          "display_name": "Lena Ortiz",
          "locked": false,
          "bot": false,
          "created_at": "2024-05-01T00:00:00.000Z",
          "note": "",
          "url": "https://town.social/@lena",
          "uri": "https://town.social/users/lena",
          "avatar": "https://town.social/avatars/original/missing.png",
          "emojis": [],
          "fields": []
         },
         "media_attachments": [],
         "mentions": [],
         "tags": [],
         "emojis": [],
         "quote": {"state":"accepted","quoted_status_id":"113900000000000055"},
         "card": null,
         "poll": null,
         "quote_approval": {"automatic":["public"],"manual":[],"current_user":"automatic"}
        }
        """;

    /// <summary>A status behind a content warning.</summary>
    public const string ContentWarning = """
        {
         "id": "113900000000000106",
         "created_at": "2026-03-05T16:20:11.000Z",
         "in_reply_to_id": null,
         "in_reply_to_account_id": null,
         "sensitive": false,
         "spoiler_text": "Drug use",
         "visibility": "public",
         "language": "en",
         "uri": "https://town.social/users/lena/statuses/113900000000000106",
         "url": "https://town.social/@lena/113900000000000106",
         "replies_count": 0,
         "reblogs_count": 0,
         "favourites_count": 0,
         "quotes_count": 0,
         "edited_at": null,
         "content": "<p>Needles left by the playground slide</p>",
         "reblog": null,
         "application": {"name":"Web","website":null},
         "account": {
          "id": "110000000000000042",
          "username": "lena",
          "acct": "lena",
          "display_name": "Lena Ortiz",
          "locked": false,
          "bot": false,
          "created_at": "2024-05-01T00:00:00.000Z",
          "note": "",
          "url": "https://town.social/@lena",
          "uri": "https://town.social/users/lena",
          "avatar": "https://town.social/avatars/original/missing.png",
          "emojis": [],
          "fields": []
         },
         "media_attachments": [],
         "mentions": [],
         "tags": [],
         "emojis": [],
         "quote": null,
         "card": null,
         "poll": null,
         "quote_approval": {"automatic":["public"],"manual":[],"current_user":"automatic"}
        }
        """;
}
