namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Our own Bluesky search page (made-up DIDs, handles and posts about Riverton, Vermont) in the shape of the atproto lexicon
/// app.bsky.feed.searchPosts (<c>posts[]</c> of <c>app.bsky.feed.defs#postView</c> and <c>cursor</c>); facets (UTF-8 byte
/// offsets, app.bsky.richtext.facet), image views and record embeds as in MarshalX/atproto's test data
/// thread_view_post_with_embed_media.json.
/// </summary>
public static class BlueskySearchSample
{
    /// <summary>A search page: a post with multi-byte text before its facets and an image; a quote of another post.</summary>
    public const string Search = """
        {
         "cursor": "25",
         "hitsTotal": 2,
         "posts": [
          {
           "$type": "app.bsky.feed.defs#postView",
           "uri": "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lkcetxnouqnw",
           "cid": "bafyreimr3ycr4pumcdv3tch4od5awyrmlq2eczg7fvbxvmuefeouotfp72",
           "author": {
            "did": "did:plc:w4rvtnmaple7okq2ydbhe5xs",
            "handle": "mira.bsky.social",
            "displayName": "Mira Chen",
            "labels": [],
            "createdAt": "2024-11-02T18:20:00.000Z"
           },
           "record": {
            "$type": "app.bsky.feed.post",
            "createdAt": "2026-03-06T09:58:41.512Z",
            "langs": ["en"],
            "text": "Café on Ōak St 🚧 sidewalk heaved, tripping hazard @rivertonvt.bsky.social #Sidewalks cc @jo.example.com photos: riverton.example/report/44…",
            "facets": [
             {
              "index": {"byteStart":55,"byteEnd":78},
              "features": [{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:rivertontown5vt2hall6xyz"}]
             },
             {
              "index": {"byteStart":79,"byteEnd":89},
              "features": [{"$type":"app.bsky.richtext.facet#tag","tag":"Sidewalks"}]
             },
             {
              "index": {"byteStart":93,"byteEnd":108},
              "features": [{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:jo7tq3lmnbv5cx2zk4wr6ehy"}]
             },
             {
              "index": {"byteStart":117,"byteEnd":146},
              "features": [{"$type":"app.bsky.richtext.facet#link","uri":"https://riverton.example/report/4471?from=bsky"}]
             }
            ],
            "tags": ["RivertonFix"],
            "embed": {
             "$type": "app.bsky.embed.images",
             "images": [
              {"alt":"Raised slab of sidewalk in front of the café","aspectRatio":{"height":1500,"width":2000},"image":{"$type":"blob","ref":{"$link":"bafkreiqqe36jrc3outgjqseoqxt45cqhbg5nid4tbnfdm6dshuaw7tjmgh"},"mimeType":"image/jpeg","size":612044}}
             ]
            }
           },
           "embed": {
            "$type": "app.bsky.embed.images#view",
            "images": [
             {
              "thumb": "https://cdn.bsky.app/img/feed_thumbnail/plain/did:plc:w4rvtnmaple7okq2ydbhe5xs/bafkreiqqe36jrc3outgjqseoqxt45cqhbg5nid4tbnfdm6dshuaw7tjmgh@jpeg",
              "fullsize": "https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:w4rvtnmaple7okq2ydbhe5xs/bafkreiqqe36jrc3outgjqseoqxt45cqhbg5nid4tbnfdm6dshuaw7tjmgh@jpeg",
              "alt": "Raised slab of sidewalk in front of the café",
              "aspectRatio": {"height":1500,"width":2000}
             }
            ]
           },
           "replyCount": 0,
           "repostCount": 0,
           "likeCount": 1,
           "quoteCount": 0,
           "indexedAt": "2026-03-06T10:00:00.000Z",
           "viewer": {"threadMuted":false,"embeddingDisabled":false},
           "labels": []
          },
          {
           "$type": "app.bsky.feed.defs#postView",
           "uri": "at://did:plc:rivertontown5vt2hall6xyz/app.bsky.feed.post/3lozth6aubk3s",
           "cid": "bafyrei4wyd2gdqqcjv6agclh2ogf4iepbbyedi3ysirql4nmlmzov24g2z",
           "author": {
            "did": "did:plc:rivertontown5vt2hall6xyz",
            "handle": "riverton.bsky.social",
            "displayName": "Town of Riverton",
            "labels": [],
            "createdAt": "2024-11-02T18:20:00.000Z"
           },
           "record": {
            "$type": "app.bsky.feed.post",
            "createdAt": "2026-03-06T10:04:02.000Z",
            "langs": ["en"],
            "text": "Crews are on their way to Oak St",
            "embed": {
             "$type": "app.bsky.embed.record",
             "record": {
              "cid": "bafyreikundchbo4is4uvtlh7jbprqnkeocr54zuezatdzifysdeb2eb74d",
              "uri": "at://did:plc:oakstreetneighbor234567ab/app.bsky.feed.post/3l3ngug5bkwvb"
             }
            }
           },
           "embed": {
            "$type": "app.bsky.embed.record#view",
            "record": {
             "$type": "app.bsky.embed.record#viewRecord",
             "uri": "at://did:plc:oakstreetneighbor234567ab/app.bsky.feed.post/3l3ngug5bkwvb",
             "cid": "bafyreikundchbo4is4uvtlh7jbprqnkeocr54zuezatdzifysdeb2eb74d",
             "author": {
              "did": "did:plc:oakstreetneighbor234567ab",
              "handle": "oakst.example.org",
              "displayName": "Oak St Neighbours",
              "labels": [],
              "createdAt": "2024-11-02T18:20:00.000Z"
             },
             "value": {
              "$type": "app.bsky.feed.post",
              "createdAt": "2026-02-20T08:00:00.000Z",
              "text": "Sidewalk on Oak St is a mess"
             },
             "labels": [],
             "likeCount": 0,
             "replyCount": 0,
             "repostCount": 0,
             "quoteCount": 1,
             "indexedAt": "2026-02-20T08:00:00.000Z",
             "embeds": []
            }
           },
           "replyCount": 0,
           "repostCount": 0,
           "likeCount": 1,
           "quoteCount": 0,
           "indexedAt": "2026-03-06T10:00:00.000Z",
           "viewer": {"threadMuted":false,"embeddingDisabled":false},
           "labels": []
          }
         ]
        }
        """;
}
