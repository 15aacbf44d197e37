using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>
/// One endpoint takes every network's payload: the shape is told by its members, anything else is refused with a message
/// that names what is understood, and one post that cannot be read never costs the others. Uses the samples of this
/// folder (each names the upstream shape it follows) and small hand-made bodies.
/// </summary>
public sealed class PayloadShapesRecognised
{
    private static SocialRead Read(string json) => SocialPayloads.Read(Encoding.UTF8.GetBytes(json), new SocialSettings());

    public static TheoryData<string, string> Samples => new()
    {
        { XV1Samples.Extended, "x-v1.1" },
        { XV1Samples.Search, "x-v1.1" },
        { XV2Samples.Page, "x-v2" },
        { XV2Samples.Lines, "x-v2" },
        { MastodonTimelineSample.Timeline, "mastodon" },
        { MastodonStatusSamples.Quote, "mastodon" },
        { BlueskySearchSample.Search, "bluesky" },
        { BlueskyFeedSample.Feed, "bluesky" },
        { BlueskyThreadSamples.Thread, "bluesky" },
        { BlueskyThreadSamples.Record, "bluesky" },
        { BlueskyThreadSamples.BareRecord, "bluesky" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryShapeIsRecognisedAndItsPostsRead(string json, string shape)
    {
        var read = Read(json);

        Assert.Equal(shape, read.Shape);
        Assert.NotEmpty(read.Posts);
        Assert.All(read.Posts, post => Assert.False(string.IsNullOrWhiteSpace(post.Id)));
    }

    [Fact]
    public void AByteOrderMarkBeforeTheJsonIsSkipped()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MastodonStatusSamples.Quote)).ToArray();

        Assert.Equal("mastodon", SocialPayloads.Read(body, new SocialSettings()).Shape);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData(" \r\n ", "it is empty")]
    [InlineData("<html><body>Bad gateway</body></html>", "it is not JSON")]
    [InlineData("""{"errors":[{"message":"Sorry, that page does not exist","code":34}]}""", "it is JSON of another shape")]
    [InlineData("""{"id":"1","title":"an Ushahidi post"}""", "it is JSON of another shape")]
    [InlineData("[1, 2, 3]", "it is JSON of another shape")]
    [InlineData("\"a string\"", "it is JSON of another shape")]
    public void WhatIsNoPostIsRefusedWithAMessageNamingTheShapesUnderstood(string body, string why)
    {
        var ex = Assert.Throws<FormatException>(() => Read(body));

        Assert.Equal(
            $"The body is not a post this endpoint reads ({why}): X v1.1 status, X v2 response (JSON or one per line), Mastodon status or timeline, Bluesky record, post view, feed or thread.",
            ex.Message);
    }

    [Fact]
    public void OneUnreadablePostInATimelineBecomesAPostWithItsProblemAndTheOthersRead()
    {
        const string timeline = """
            [
              {"id":"113900000000000301","content":"<p>Pothole on Elm St</p>","account":{"id":"1","acct":"lena"}},
              {"content":"<p>No id here</p>","account":{"id":"2","acct":"sam"}},
              42,
              {"id":"113900000000000303","content":"<p>Streetlight out on Oak St</p>","account":{"id":"3","acct":"jo"}}
            ]
            """;

        var posts = Read(timeline).Posts;

        Assert.Equal(4, posts.Count);
        Assert.Equal(("113900000000000301", "Pothole on Elm St"), (posts[0].Id, posts[0].Text));
        Assert.Null(posts[0].Problem);
        Assert.StartsWith("unreadable-", posts[1].Id, StringComparison.Ordinal);
        Assert.Equal("the status has no id", posts[1].Problem);
        Assert.Equal("No id here", posts[1].Text);
        Assert.StartsWith("unreadable-", posts[2].Id, StringComparison.Ordinal);
        Assert.Equal("the item is not a JSON object", posts[2].Problem);
        Assert.Equal(("113900000000000303", "Streetlight out on Oak St"), (posts[3].Id, posts[3].Text));
        Assert.Null(posts[3].Problem);
    }

    [Fact]
    public void MembersOfTheWrongTypeReadAsAbsent()
    {
        const string status = """{"id_str":"1897500000000000001","text":["not","text"],"user":{"screen_name":7},"entities":{"urls":"none","hashtags":[null,{"text":5}]},"place":{"bounding_box":{"coordinates":"x"}},"created_at":12}""";

        var post = Assert.Single(Read(status).Posts);

        Assert.Equal(("1897500000000000001", ""), (post.Id, post.Text));
        Assert.Null(post.AuthorHandle);
        Assert.Empty(post.Hashtags);
        Assert.Null(post.Place);
        Assert.Null(post.CreatedAt);
        Assert.Null(post.Problem);
    }
}
