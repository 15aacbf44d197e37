using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>X v1.1 statuses (<see cref="XV1Samples"/>, in the shapes of the v1.1 Tweet object and search/tweets) read into posts.</summary>
public sealed class XV1StatusesRead
{
    private const string Original = "1897000000000000001";

    private static SocialRead Read(string json) => SocialPayloads.Read(Encoding.UTF8.GetBytes(json), new SocialSettings());

    [Fact]
    public void AStatusIsReadWithItsAuthorAndLinks()
    {
        var read = Read(XV1Samples.Extended);

        var post = Assert.Single(read.Posts);
        Assert.Equal("x-v1.1", read.Shape);
        Assert.Equal(("x", Original, "https://x.com/danabirch/status/1897000000000000001"), (post.Network, post.Id, post.Url));
        Assert.Equal(("401", "danabirch", "Dana Birch", "https://x.com/danabirch"), (post.AuthorId, post.AuthorHandle, post.AuthorName, post.AuthorUrl));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 14, 5, 9, TimeSpan.Zero), post.CreatedAt);
        Assert.Null(post.RepostOf);
        Assert.Null(post.ReplyTo);
        Assert.Null(post.Problem);
    }

    [Fact]
    public void TheExtendedTweetsFullTextWinsWithItsLinkExpandedAndItsPhotoLinkDropped()
    {
        var post = Assert.Single(Read(XV1Samples.Extended).Posts);

        Assert.Equal(
            "@RivertonVT Deep pothole on Elm St by the library, a car lost a hubcap this morning. Please fix before someone gets hurt! Map: https://riverton.example/map?near=elm-st-library #potholes #EtaTrail",
            post.Text);
        Assert.DoesNotContain("t.co", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HashtagsAndMentionsComeFromTheExtendedEntities()
    {
        var post = Assert.Single(Read(XV1Samples.Extended).Posts);

        Assert.Equal(["potholes", "etatrail"], post.Hashtags);
        Assert.Equal(["rivertonvt"], post.Mentions);
    }

    [Fact]
    public void TheDeprecatedGeoIsLatitudeFirstAndIsTurnedRound()
    {
        var post = Assert.Single(Read(XV1Samples.Extended).Posts);

        Assert.Equal((44.2009, -72.5714), (post.Lat!.Value, post.Long!.Value));
    }

    [Fact]
    public void ThePlaceIsTheExtentOfItsBoundingBox()
    {
        var post = Assert.Single(Read(XV1Samples.Extended).Posts);

        Assert.Equal(new SocialPlace("Riverton, VT", -72.61, 44.17, -72.53, 44.23), post.Place);
    }

    [Fact]
    public void PhotosComeFromTheExtendedEntitiesWithTheirAltText()
    {
        var post = Assert.Single(Read(XV1Samples.Extended).Posts);

        Assert.Equal([new SocialPhoto("https://pbs.twimg.com/media/GlRvtnElmHole.jpg", "A pothole full of rainwater next to the library sign")], post.Photos);
    }

    [Fact]
    public void ASearchPageReadsEveryStatusAndItsPaging()
    {
        var read = Read(XV1Samples.Search);

        Assert.Equal("x-v1.1", read.Shape);
        Assert.Equal(4, read.Posts.Count);
        Assert.Equal("?max_id=1897000000000000001&q=%23potholes&count=4&include_entities=1", read.NextToken);
        Assert.Equal("1897000000000000004", read.NewestId);
    }

    [Fact]
    public void ARetweetAndAQuoteArePassedOnAndAReplyIsMarked()
    {
        var posts = Read(XV1Samples.Search).Posts;

        Assert.Equal(Original, posts[0].RepostOf);
        Assert.Equal(Original, posts[1].RepostOf);
        Assert.Equal("Same on Oak St https://x.com/danabirch/status/1897000000000000001", posts[1].Text);
        Assert.Null(posts[2].RepostOf);
        Assert.Equal(Original, posts[2].ReplyTo);
    }

    [Fact]
    public void CoordinatesWinOverGeoAndEscapedCharactersAreUnescaped()
    {
        var reply = Read(XV1Samples.Search).Posts[2];

        Assert.Equal((44.2031, -72.5702), (reply.Lat!.Value, reply.Long!.Value));
        Assert.Equal("@danabirch It is still there & getting worse", reply.Text);
    }

    [Fact]
    public void AStatusWithoutAnIdStillBecomesAPostWithItsProblemAndTheOthersRead()
    {
        var posts = Read(XV1Samples.Search).Posts;
        var again = Read(XV1Samples.Search).Posts;

        Assert.StartsWith("unreadable-", posts[3].Id, StringComparison.Ordinal);
        Assert.Equal("unreadable-".Length + 16, posts[3].Id.Length);
        Assert.Equal(posts[3].Id, again[3].Id);
        Assert.Contains("id_str", posts[3].Problem, StringComparison.Ordinal);
        Assert.Equal("Broken swing at Eta Park", posts[3].Text);
        Assert.All(posts.Take(3), post => Assert.Null(post.Problem));
    }

    [Fact]
    public void ANumericIdKeepsEveryDigit()
    {
        const string status = """{"id":1897000000000000009,"text":"Icy steps at the town hall","user":{"id":9,"screen_name":"icywatch"}}""";

        var post = Assert.Single(Read(status).Posts);

        Assert.Equal("1897000000000000009", post.Id);
        Assert.Equal("9", post.AuthorId);
    }

    [Fact]
    public void AnArrayOfStatusesIsATimeline()
    {
        var read = Read("[" + XV1Samples.Extended + "]");

        Assert.Equal("x-v1.1", read.Shape);
        Assert.Equal(Original, Assert.Single(read.Posts).Id);
    }
}
