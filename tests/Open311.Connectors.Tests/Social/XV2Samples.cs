namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Our own X API v2 responses (made-up ids and Riverton, Vermont places) in the shapes of GET /2/tweets/search/recent with
/// expansions (docs.x.com data dictionary: <c>includes.users|media|places</c>, entity <c>start</c>/<c>end</c> in code points,
/// <c>referenced_tweets</c>, <c>geo.place_id</c>, place <c>geo.bbox</c>) and of twarc's one-response-per-line archives with
/// their <c>__twarc</c> member (DocNow/twarc-csv test-data/two_tweets.jsonl and media_tweet.jsonl).
/// </summary>
public static class XV2Samples
{
    /// <summary>A page of three posts: one with an emoji before its link, a photo, a place and a point; a reply; a retweet.</summary>
    public const string Page = """
        {
         "data": [
          {
           "id": "1897100000000000011",
           "text": "Streetlight out 🚧 on Maple Ave since Sunday, very dark at night https://t.co/Lmn0pQr111 #streetlights @RivertonVT https://t.co/MeDia00022",
           "author_id": "501",
           "created_at": "2026-03-04T09:12:30.000Z",
           "lang": "en",
           "conversation_id": "1897100000000000011",
           "edit_history_tweet_ids": ["1897100000000000011"],
           "attachments": {"media_keys":["3_1897100000000000099"]},
           "geo": {"place_id":"0a1b2c3d4e5f6789","coordinates":{"type":"Point","coordinates":[-72.5702,44.2031]}},
           "entities": {
            "urls": [
             {
              "start": 64,
              "end": 87,
              "url": "https://t.co/Lmn0pQr111",
              "expanded_url": "https://riverton.example/lights/maple-ave",
              "display_url": "riverton.example/lights/maple-a…"
             },
             {
              "start": 114,
              "end": 137,
              "url": "https://t.co/MeDia00022",
              "expanded_url": "https://x.com/maplewatch/status/1897100000000000011/photo/1",
              "display_url": "pic.x.com/MeDia00022",
              "media_key": "3_1897100000000000099"
             }
            ],
            "hashtags": [{"start":88,"end":101,"tag":"streetlights"}],
            "mentions": [{"start":102,"end":113,"username":"RivertonVT","id":"77"}]
           },
           "public_metrics": {"retweet_count":1,"reply_count":1,"like_count":4,"quote_count":0}
          },
          {
           "id": "1897100000000000012",
           "text": "@maplewatch Same on Birch St, two lamps out",
           "author_id": "502",
           "created_at": "2026-03-04T10:00:00.000Z",
           "lang": "en",
           "conversation_id": "1897100000000000011",
           "in_reply_to_user_id": "501",
           "edit_history_tweet_ids": ["1897100000000000012"],
           "referenced_tweets": [{"type":"replied_to","id":"1897100000000000011"}],
           "entities": {"mentions":[{"start":0,"end":11,"username":"maplewatch","id":"501"}]}
          },
          {
           "id": "1897100000000000013",
           "text": "RT @maplewatch: Streetlight out 🚧 on Maple Ave since Sunday, very dark at night https://t.co/Lmn0pQr111 #streetlights…",
           "author_id": "502",
           "created_at": "2026-03-04T10:05:00.000Z",
           "lang": "en",
           "conversation_id": "1897100000000000013",
           "edit_history_tweet_ids": ["1897100000000000013"],
           "referenced_tweets": [{"type":"retweeted","id":"1897100000000000011"}],
           "entities": {
            "mentions": [{"start":3,"end":14,"username":"maplewatch","id":"501"}],
            "hashtags": [{"start":104,"end":117,"tag":"streetlights"}]
           }
          }
         ],
         "includes": {
          "users": [
           {"id":"501","name":"Maple Watch","username":"maplewatch","location":"Riverton VT"},
           {"id":"502","name":"Sam Okafor","username":"samokafor"}
          ],
          "media": [
           {
            "media_key": "3_1897100000000000099",
            "type": "photo",
            "url": "https://pbs.twimg.com/media/GlRvtnMapleLamp.jpg",
            "alt_text": "Dark street with an unlit lamp post",
            "width": 1600,
            "height": 1200
           }
          ],
          "places": [
           {
            "id": "0a1b2c3d4e5f6789",
            "full_name": "Riverton, VT",
            "name": "Riverton",
            "place_type": "city",
            "country": "United States",
            "country_code": "US",
            "geo": {"type":"Feature","bbox":[-72.61,44.17,-72.53,44.23],"properties":{}}
           }
          ],
          "tweets": [
           {
            "id": "1897100000000000011",
            "text": "Streetlight out 🚧 on Maple Ave since Sunday, very dark at night https://t.co/Lmn0pQr111 #streetlights @RivertonVT https://t.co/MeDia00022",
            "author_id": "501",
            "created_at": "2026-03-04T09:12:30.000Z",
            "lang": "en",
            "conversation_id": "1897100000000000011",
            "edit_history_tweet_ids": ["1897100000000000011"],
            "attachments": {"media_keys":["3_1897100000000000099"]},
            "geo": {"place_id":"0a1b2c3d4e5f6789","coordinates":{"type":"Point","coordinates":[-72.5702,44.2031]}},
            "entities": {
             "urls": [
              {"start":64,"end":87,"url":"https://t.co/Lmn0pQr111","expanded_url":"https://riverton.example/lights/maple-ave","display_url":"riverton.example/lights/maple-a…"},
              {"start":114,"end":137,"url":"https://t.co/MeDia00022","expanded_url":"https://x.com/maplewatch/status/1897100000000000011/photo/1","display_url":"pic.x.com/MeDia00022","media_key":"3_1897100000000000099"}
             ],
             "hashtags": [{"start":88,"end":101,"tag":"streetlights"}],
             "mentions": [{"start":102,"end":113,"username":"RivertonVT","id":"77"}]
            },
            "public_metrics": {"retweet_count":1,"reply_count":1,"like_count":4,"quote_count":0}
           }
          ]
         },
         "meta": {
          "newest_id": "1897100000000000013",
          "oldest_id": "1897100000000000011",
          "result_count": 3,
          "next_token": "b26v89c19zqg8o3fr5kq"
         }
        }
        """;

    /// <summary>Two responses, one per line, as twarc writes them.</summary>
    public const string Lines = """
        {"data":[{"id":"1897200000000000031","text":"Manhole cover loose on River Rd #potholes","author_id":"601","created_at":"2026-03-05T11:00:00.000Z","edit_history_tweet_ids":["1897200000000000031"]}],"includes":{"users":[{"id":"601","name":"River Rd Neighbours","username":"riverrd"}]},"meta":{"newest_id":"1897200000000000031","oldest_id":"1897200000000000031","result_count":1},"__twarc":{"url":"https://api.x.com/2/tweets/search/recent?query=%23potholes&max_results=10","version":"2.14.0","retrieved_at":"2026-03-05T11:05:00+00:00"}}
        {"data":[{"id":"1897200000000000035","text":"Crack across the bridge deck on Main St","author_id":"602","created_at":"2026-03-05T11:00:00.000Z","edit_history_tweet_ids":["1897200000000000035"]}],"includes":{"users":[{"id":"602","name":"Bo Tran","username":"botran"}]},"meta":{"newest_id":"1897200000000000035","oldest_id":"1897200000000000035","result_count":1},"__twarc":{"url":"https://api.x.com/2/tweets/search/recent?query=%23potholes&max_results=10","version":"2.14.0","retrieved_at":"2026-03-05T11:05:00+00:00"}}
        """;
}
