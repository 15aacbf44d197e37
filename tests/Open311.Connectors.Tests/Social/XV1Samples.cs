namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Our own X v1.1 statuses (made-up ids, people and places in Riverton, Vermont), in the shapes of the v1.1 Tweet
/// object docs (developer.x.com "Tweet object", "Extended Tweets": <c>truncated</c> + <c>extended_tweet</c> in
/// streaming compatibility mode, <c>full_text</c> with <c>tweet_mode=extended</c>, deprecated <c>geo</c> as [lat, lon])
/// and of GET search/tweets (<c>statuses</c> + <c>search_metadata</c>); member names and nesting as in python-twitter's
/// testdata/get_status_with_place.json, whose entities sit in <c>entities</c> here as the API sends them.
/// </summary>
public static class XV1Samples
{
    /// <summary>A status truncated at 140 characters whose <c>extended_tweet</c> has the full text, a link, a photo and two hashtags; <c>geo</c> only.</summary>
    public const string Extended = """
        {
         "created_at": "Tue Mar 03 14:05:09 +0000 2026",
         "id": 1897000000000000001,
         "id_str": "1897000000000000001",
         "text": "@RivertonVT Deep pothole on Elm St by the library, a car lost a hubcap this morning. Please fix before someone… https://t.co/Tr7nCaTe01",
         "source": "<a href=\"https://mobile.x.com\" rel=\"nofollow\">X Web App</a>",
         "truncated": true,
         "in_reply_to_status_id": null,
         "in_reply_to_status_id_str": null,
         "in_reply_to_user_id": null,
         "in_reply_to_user_id_str": null,
         "in_reply_to_screen_name": null,
         "user": {
          "id": 401,
          "id_str": "401",
          "name": "Dana Birch",
          "screen_name": "danabirch",
          "location": "Riverton, VT",
          "verified": false,
          "followers_count": 210
         },
         "geo": {"type":"Point","coordinates":[44.2009,-72.5714]},
         "coordinates": null,
         "place": {
          "id": "a1b2c3d4e5f60718",
          "url": "https://api.x.com/1.1/geo/id/a1b2c3d4e5f60718.json",
          "place_type": "city",
          "name": "Riverton",
          "full_name": "Riverton, VT",
          "country_code": "US",
          "country": "United States",
          "bounding_box": {"type":"Polygon","coordinates":[[[-72.61,44.17],[-72.53,44.17],[-72.53,44.23],[-72.61,44.23]]]},
          "attributes": {}
         },
         "contributors": null,
         "is_quote_status": false,
         "extended_tweet": {
          "full_text": "@RivertonVT Deep pothole on Elm St by the library, a car lost a hubcap this morning. Please fix before someone gets hurt! Map: https://t.co/Ma9pL1nK02 #potholes #EtaTrail https://t.co/Ph0t0L1nK3",
          "display_text_range": [12,170],
          "entities": {
           "hashtags": [{"text":"potholes","indices":[151,160]},{"text":"EtaTrail","indices":[161,170]}],
           "urls": [
            {
             "url": "https://t.co/Ma9pL1nK02",
             "expanded_url": "https://riverton.example/map?near=elm-st-library",
             "display_url": "riverton.example/map?near=elm-s…",
             "indices": [127,150]
            }
           ],
           "user_mentions": [{"screen_name":"RivertonVT","name":"Town of Riverton","id":77,"id_str":"77","indices":[0,11]}],
           "symbols": [],
           "media": [
            {
             "id": 1897000000000000101,
             "id_str": "1897000000000000101",
             "indices": [171,194],
             "media_url": "http://pbs.twimg.com/media/GlRvtnElmHole.jpg",
             "media_url_https": "https://pbs.twimg.com/media/GlRvtnElmHole.jpg",
             "url": "https://t.co/Ph0t0L1nK3",
             "display_url": "pic.x.com/Ph0t0L1nK3",
             "expanded_url": "https://x.com/danabirch/status/1897000000000000001/photo/1",
             "type": "photo",
             "sizes": {"large":{"w":2048,"h":1536,"resize":"fit"},"thumb":{"w":150,"h":150,"resize":"crop"}}
            }
           ]
          },
          "extended_entities": {
           "media": [
            {
             "id": 1897000000000000101,
             "id_str": "1897000000000000101",
             "indices": [171,194],
             "media_url": "http://pbs.twimg.com/media/GlRvtnElmHole.jpg",
             "media_url_https": "https://pbs.twimg.com/media/GlRvtnElmHole.jpg",
             "url": "https://t.co/Ph0t0L1nK3",
             "display_url": "pic.x.com/Ph0t0L1nK3",
             "expanded_url": "https://x.com/danabirch/status/1897000000000000001/photo/1",
             "type": "photo",
             "sizes": {"large":{"w":2048,"h":1536,"resize":"fit"},"thumb":{"w":150,"h":150,"resize":"crop"}},
             "ext_alt_text": "A pothole full of rainwater next to the library sign"
            }
           ]
          }
         },
         "retweet_count": 0,
         "favorite_count": 3,
         "entities": {
          "hashtags": [],
          "urls": [
           {
            "url": "https://t.co/Tr7nCaTe01",
            "expanded_url": "https://x.com/i/web/status/1897000000000000001",
            "display_url": "x.com/i/web/status/1…",
            "indices": [112,135]
           }
          ],
          "user_mentions": [{"screen_name":"RivertonVT","name":"Town of Riverton","id":77,"id_str":"77","indices":[0,11]}],
          "symbols": []
         },
         "favorited": false,
         "retweeted": false,
         "possibly_sensitive": false,
         "filter_level": "low",
         "lang": "en",
         "timestamp_ms": "1772546709000"
        }
        """;

    /// <summary>A search page: a retweet, a quote, a reply with <c>coordinates</c> and an escaped ampersand, and a status without an id.</summary>
    public const string Search = """
        {
         "statuses": [
          {
           "created_at": "Tue Mar 03 15:00:00 +0000 2026",
           "id_str": "1897000000000000002",
           "text": "RT @danabirch: @RivertonVT Deep pothole on Elm St by the library",
           "truncated": false,
           "user": {"id_str":"402","name":"Lee Fontaine","screen_name":"leefontaine"},
           "retweeted_status": {
            "created_at": "Tue Mar 03 14:05:09 +0000 2026",
            "id_str": "1897000000000000001",
            "text": "@RivertonVT Deep pothole on Elm St by the library, a car lost a hubcap this morning. Please fix before someone… https://t.co/Tr7nCaTe01",
            "user": {"id_str":"401","screen_name":"danabirch","name":"Dana Birch"}
           },
           "entities": {
            "hashtags": [],
            "urls": [],
            "user_mentions": [
             {"screen_name":"danabirch","id_str":"401","indices":[3,13]},
             {"screen_name":"RivertonVT","id_str":"77","indices":[15,26]}
            ]
           },
           "is_quote_status": false,
           "coordinates": null,
           "geo": null,
           "place": null,
           "lang": "en"
          },
          {
           "created_at": "Tue Mar 03 15:10:00 +0000 2026",
           "id_str": "1897000000000000003",
           "full_text": "Same on Oak St https://t.co/Qu0tEd0004",
           "display_text_range": [0,14],
           "truncated": false,
           "user": {"id_str":"403","name":"Ari Novak","screen_name":"arinovak"},
           "is_quote_status": true,
           "quoted_status_id": 1897000000000000001,
           "quoted_status_id_str": "1897000000000000001",
           "entities": {
            "hashtags": [],
            "urls": [
             {"url":"https://t.co/Qu0tEd0004","expanded_url":"https://x.com/danabirch/status/1897000000000000001","display_url":"x.com/danabirch/stat…","indices":[15,38]}
            ],
            "user_mentions": []
           },
           "coordinates": null,
           "geo": null,
           "place": null,
           "lang": "en"
          },
          {
           "created_at": "Wed Mar 04 08:00:00 +0000 2026",
           "id_str": "1897000000000000004",
           "full_text": "@danabirch It is still there &amp; getting worse",
           "truncated": false,
           "in_reply_to_status_id": 1897000000000000001,
           "in_reply_to_status_id_str": "1897000000000000001",
           "in_reply_to_screen_name": "danabirch",
           "user": {"id_str":"404","name":"Kim Rhee","screen_name":"kimrhee"},
           "is_quote_status": false,
           "coordinates": {"type":"Point","coordinates":[-72.5702,44.2031]},
           "geo": {"type":"Point","coordinates":[44.2031,-72.5702]},
           "place": null,
           "entities": {"hashtags":[],"urls":[],"user_mentions":[{"screen_name":"danabirch","id_str":"401","indices":[0,10]}]},
           "lang": "en"
          },
          {
           "created_at": "Wed Mar 04 09:00:00 +0000 2026",
           "full_text": "Broken swing at Eta Park",
           "user": {"id_str":"405","screen_name":"parkfan","name":"Park Fan"},
           "entities": {"hashtags":[],"urls":[],"user_mentions":[]}
          }
         ],
         "search_metadata": {
          "completed_in": 0.031,
          "max_id": 1897000000000000004,
          "max_id_str": "1897000000000000004",
          "next_results": "?max_id=1897000000000000001&q=%23potholes&count=4&include_entities=1",
          "query": "%23potholes",
          "count": 4,
          "since_id": 0,
          "since_id_str": "0"
         }
        }
        """;
}
