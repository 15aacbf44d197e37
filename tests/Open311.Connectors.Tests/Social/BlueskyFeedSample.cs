namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Our own Bluesky timeline page in the shape of app.bsky.feed.getTimeline/getAuthorFeed (<c>feed[]</c> of
/// <c>app.bsky.feed.defs#feedViewPost</c> with <c>reason</c> <c>#reasonRepost</c> and <c>reply</c>, and <c>cursor</c>).
/// </summary>
public static class BlueskyFeedSample
{
    /// <summary>A feed: a post reposted by the town's account, and a reply to it.</summary>
    public const string Feed = """
        {
         "cursor": "2026-03-05T17:30:01.000Z",
         "feed": [
          {
           "post": {
            "$type": "app.bsky.feed.defs#postView",
            "uri": "at://did:plc:parksdept3335vt2hall6xyz/app.bsky.feed.post/3lugwthu3z5r4",
            "cid": "bafyreihr3mr3pvmy34k6btw47eic5u3qprqrvysvuuzcwmvcfr4rcxq5sl",
            "author": {
             "did": "did:plc:parksdept3335vt2hall6xyz",
             "handle": "parks.riverton.example",
             "displayName": "Riverton Parks & Streets",
             "labels": [],
             "createdAt": "2024-11-02T18:20:00.000Z"
            },
            "record": {
             "$type": "app.bsky.feed.post",
             "createdAt": "2026-03-05T17:30:00.000Z",
             "langs": ["en"],
             "text": "Crews are patching Oak St sidewalks this week. Thanks for the reports!"
            },
            "replyCount": 0,
            "repostCount": 0,
            "likeCount": 1,
            "quoteCount": 0,
            "indexedAt": "2026-03-05T17:30:01.000Z",
            "viewer": {"threadMuted":false,"embeddingDisabled":false},
            "labels": []
           },
           "reason": {
            "$type": "app.bsky.feed.defs#reasonRepost",
            "by": {
             "did": "did:plc:rivertontown5vt2hall6xyz",
             "handle": "riverton.bsky.social",
             "displayName": "Town of Riverton",
             "labels": [],
             "createdAt": "2024-11-02T18:20:00.000Z"
            },
            "indexedAt": "2026-03-05T17:45:00.000Z"
           }
          },
          {
           "post": {
            "$type": "app.bsky.feed.defs#postView",
            "uri": "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3l642jtrgl2f5",
            "cid": "bafyreiuarghfxsou67tpc4m3r57oleezh3jdnoy6mx2i6omdsl3mj5ehwv",
            "author": {
             "did": "did:plc:w4rvtnmaple7okq2ydbhe5xs",
             "handle": "mira.bsky.social",
             "displayName": "Mira Chen",
             "labels": [],
             "createdAt": "2024-11-02T18:20:00.000Z"
            },
            "record": {
             "$type": "app.bsky.feed.post",
             "createdAt": "2026-03-05T18:02:10.000Z",
             "langs": ["en"],
             "text": "The one by the library too please",
             "reply": {
              "root": {"cid":"bafyreihr3mr3pvmy34k6btw47eic5u3qprqrvysvuuzcwmvcfr4rcxq5sl","uri":"at://did:plc:parksdept3335vt2hall6xyz/app.bsky.feed.post/3lugwthu3z5r4"},
              "parent": {"cid":"bafyreihr3mr3pvmy34k6btw47eic5u3qprqrvysvuuzcwmvcfr4rcxq5sl","uri":"at://did:plc:parksdept3335vt2hall6xyz/app.bsky.feed.post/3lugwthu3z5r4"}
             }
            },
            "replyCount": 0,
            "repostCount": 0,
            "likeCount": 1,
            "quoteCount": 0,
            "indexedAt": "2026-03-05T18:02:11.000Z",
            "viewer": {"threadMuted":false,"embeddingDisabled":false},
            "labels": []
           },
           "reply": {
            "root": {
             "$type": "app.bsky.feed.defs#postView",
             "uri": "at://did:plc:parksdept3335vt2hall6xyz/app.bsky.feed.post/3lugwthu3z5r4",
             "cid": "bafyreihr3mr3pvmy34k6btw47eic5u3qprqrvysvuuzcwmvcfr4rcxq5sl",
             "author": {
              "did": "did:plc:parksdept3335vt2hall6xyz",
              "handle": "parks.riverton.example",
              "displayName": "Riverton Parks & Streets",
              "labels": [],
              "createdAt": "2024-11-02T18:20:00.000Z"
             },
             "record": {
              "$type": "app.bsky.feed.post",
              "createdAt": "2026-03-05T17:30:00.000Z",
              "langs": ["en"],
              "text": "Crews are patching Oak St sidewalks this week. Thanks for the reports!"
             },
             "replyCount": 0,
             "repostCount": 0,
             "likeCount": 1,
             "quoteCount": 0,
             "indexedAt": "2026-03-05T17:30:01.000Z",
             "viewer": {"threadMuted":false,"embeddingDisabled":false},
             "labels": []
            },
            "parent": {
             "$type": "app.bsky.feed.defs#postView",
             "uri": "at://did:plc:parksdept3335vt2hall6xyz/app.bsky.feed.post/3lugwthu3z5r4",
             "cid": "bafyreihr3mr3pvmy34k6btw47eic5u3qprqrvysvuuzcwmvcfr4rcxq5sl",
             "author": {
              "did": "did:plc:parksdept3335vt2hall6xyz",
              "handle": "parks.riverton.example",
              "displayName": "Riverton Parks & Streets",
              "labels": [],
              "createdAt": "2024-11-02T18:20:00.000Z"
             },
             "record": {
              "$type": "app.bsky.feed.post",
              "createdAt": "2026-03-05T17:30:00.000Z",
              "langs": ["en"],
              "text": "Crews are patching Oak St sidewalks this week. Thanks for the reports!"
             },
             "replyCount": 0,
             "repostCount": 0,
             "likeCount": 1,
             "quoteCount": 0,
             "indexedAt": "2026-03-05T17:30:01.000Z",
             "viewer": {"threadMuted":false,"embeddingDisabled":false},
             "labels": []
            }
           }
          }
         ]
        }
        """;
}
