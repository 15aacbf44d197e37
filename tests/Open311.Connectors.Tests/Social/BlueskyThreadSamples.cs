namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Our own Bluesky thread and records in the shapes of app.bsky.feed.getPostThread (<c>thread</c>: <c>#threadViewPost</c> with
/// <c>parent</c> and <c>replies</c>, a <c>#blockedPost</c> among them) and com.atproto.repo.getRecord (<c>{uri, cid, value}</c>,
/// as MarshalX/atproto's post_record.json), the record holding an <c>app.bsky.embed.images</c> blob.
/// </summary>
public static class BlueskyThreadSamples
{
    /// <summary>A thread: the post, its parent, a reply with a reply of its own, and a blocked reply.</summary>
    public const string Thread = """
        {
         "thread": {
          "$type": "app.bsky.feed.defs#threadViewPost",
          "post": {
           "$type": "app.bsky.feed.defs#postView",
           "uri": "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lxonjuyzc2pf",
           "cid": "bafyreibfmivzoyrt5rpfv3tag5ariinc3obty2v3ffsencou563ptx4afn",
           "author": {
            "did": "did:plc:w4rvtnmaple7okq2ydbhe5xs",
            "handle": "mira.bsky.social",
            "displayName": "Mira Chen",
            "labels": [],
            "createdAt": "2024-11-02T18:20:00.000Z"
           },
           "record": {
            "$type": "app.bsky.feed.post",
            "createdAt": "2026-03-07T07:25:00.000Z",
            "text": "Still running at 7:25, it is icing over",
            "reply": {
             "root": {
              "uri": "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b",
              "cid": "bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd"
             },
             "parent": {
              "uri": "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b",
              "cid": "bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd"
             }
            }
           },
           "replyCount": 0,
           "repostCount": 0,
           "likeCount": 1,
           "quoteCount": 0,
           "indexedAt": "2026-03-06T10:00:00.000Z",
           "viewer": {"threadMuted":false,"embeddingDisabled":false},
           "labels": []
          },
          "parent": {
           "$type": "app.bsky.feed.defs#threadViewPost",
           "post": {
            "$type": "app.bsky.feed.defs#postView",
            "uri": "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b",
            "cid": "bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd",
            "author": {
             "did": "did:plc:jo7tq3lmnbv5cx2zk4wr6ehy",
             "handle": "jo.example.com",
             "displayName": "Jo Park",
             "labels": [],
             "createdAt": "2024-11-02T18:20:00.000Z"
            },
            "record": {
             "$type": "app.bsky.feed.post",
             "createdAt": "2026-03-07T07:10:00.000Z",
             "text": "Water main leak on Birch St, water running down the hill"
            },
            "replyCount": 0,
            "repostCount": 0,
            "likeCount": 1,
            "quoteCount": 0,
            "indexedAt": "2026-03-06T10:00:00.000Z",
            "viewer": {"threadMuted":false,"embeddingDisabled":false},
            "labels": []
           }
          },
          "replies": [
           {
            "$type": "app.bsky.feed.defs#threadViewPost",
            "post": {
             "$type": "app.bsky.feed.defs#postView",
             "uri": "at://did:plc:rivertontown5vt2hall6xyz/app.bsky.feed.post/3ljldt4jlgjhc",
             "cid": "bafyreiuutopyfmjjso7cz6hr3erp6dnxsp2cuhrak4hye34p2guigh34ho",
             "author": {
              "did": "did:plc:rivertontown5vt2hall6xyz",
              "handle": "riverton.bsky.social",
              "displayName": "Town of Riverton",
              "labels": [],
              "createdAt": "2024-11-02T18:20:00.000Z"
             },
             "record": {
              "$type": "app.bsky.feed.post",
              "createdAt": "2026-03-07T07:40:00.000Z",
              "text": "Salt truck is on the way",
              "reply": {
               "root": {
                "uri": "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b",
                "cid": "bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd"
               },
               "parent": {
                "uri": "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lxonjuyzc2pf",
                "cid": "bafyreibfmivzoyrt5rpfv3tag5ariinc3obty2v3ffsencou563ptx4afn"
               }
              }
             },
             "replyCount": 0,
             "repostCount": 0,
             "likeCount": 1,
             "quoteCount": 0,
             "indexedAt": "2026-03-06T10:00:00.000Z",
             "viewer": {"threadMuted":false,"embeddingDisabled":false},
             "labels": []
            },
            "replies": [
             {
              "$type": "app.bsky.feed.defs#threadViewPost",
              "post": {
               "$type": "app.bsky.feed.defs#postView",
               "uri": "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lcsdqoidfugb",
               "cid": "bafyreixmswbifmrfuw2lrcbnsybbzq72esebr7jr2bnhlcsbmxtnfm4e3p",
               "author": {
                "did": "did:plc:w4rvtnmaple7okq2ydbhe5xs",
                "handle": "mira.bsky.social",
                "displayName": "Mira Chen",
                "labels": [],
                "createdAt": "2024-11-02T18:20:00.000Z"
               },
               "record": {
                "$type": "app.bsky.feed.post",
                "createdAt": "2026-03-07T07:41:00.000Z",
                "text": "Thank you!",
                "reply": {"root":{"uri":"at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b","cid":"bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd"},"parent":{"uri":"at://did:plc:rivertontown5vt2hall6xyz/app.bsky.feed.post/3ljldt4jlgjhc","cid":"bafyreiuutopyfmjjso7cz6hr3erp6dnxsp2cuhrak4hye34p2guigh34ho"}}
               },
               "replyCount": 0,
               "repostCount": 0,
               "likeCount": 1,
               "quoteCount": 0,
               "indexedAt": "2026-03-06T10:00:00.000Z",
               "viewer": {"threadMuted":false,"embeddingDisabled":false},
               "labels": []
              },
              "replies": []
             }
            ]
           },
           {
            "$type": "app.bsky.feed.defs#blockedPost",
            "uri": "at://did:plc:blockedauthor2345672345ab/app.bsky.feed.post/3lmggyhmybuk3",
            "blocked": true,
            "author": {"did":"did:plc:blockedauthor2345672345ab","viewer":{"blockedBy":true}}
           }
          ]
         }
        }
        """;

    /// <summary>A record as getRecord answers it, a reply with one image blob.</summary>
    public const string Record = """
        {
         "uri": "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lfwtcp6cyqyd",
         "cid": "bafyreifmbx6kpf7i4my2frneaxhqtq64ik2syot64uvtrllghwarcugyqt",
         "value": {
          "$type": "app.bsky.feed.post",
          "createdAt": "2026-03-08T12:00:00.000Z",
          "langs": ["en"],
          "text": "Graffiti on the Elm St underpass again",
          "embed": {
           "$type": "app.bsky.embed.images",
           "images": [
            {
             "alt": "Spray paint across the underpass wall",
             "aspectRatio": {"height":900,"width":1200},
             "image": {
              "$type": "blob",
              "ref": {"$link":"bafkreiqwdulzcfadxhhhqd4sndmoqjcatc5pk5ubnx67a2q4cmh4s7ghvh"},
              "mimeType": "image/jpeg",
              "size": 401223
             }
            }
           ]
          },
          "reply": {
           "root": {
            "uri": "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b",
            "cid": "bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd"
           },
           "parent": {
            "uri": "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b",
            "cid": "bafyreitxc7v7op7il6lv4kl36fehrcubk4ujleck2eqofqll4yyhww5ewd"
           }
          }
         }
        }
        """;

    /// <summary>A bare record, without the uri that names it.</summary>
    public const string BareRecord = """
        {"$type":"app.bsky.feed.post","createdAt":"2026-03-08T12:05:00.000Z","text":"Bench broken at Eta Park"}
        """;
}
