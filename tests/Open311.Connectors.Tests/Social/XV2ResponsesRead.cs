using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>X API v2 responses (<see cref="XV2Samples"/>, in the shapes of recent search with expansions and of twarc's archives) read into posts.</summary>
public sealed class XV2ResponsesRead
{
    private const string Lamp = "1897100000000000011";

    private static SocialRead Read(string json) => SocialPayloads.Read(Encoding.UTF8.GetBytes(json), new SocialSettings());

    [Fact]
    public void APageJoinsEachPostToItsAuthorPlaceAndPhoto()
    {
        var read = Read(XV2Samples.Page);

        Assert.Equal("x-v2", read.Shape);
        Assert.Equal(3, read.Posts.Count);
        var post = read.Posts[0];
        Assert.Equal((Lamp, "https://x.com/maplewatch/status/1897100000000000011"), (post.Id, post.Url));
        Assert.Equal(("501", "maplewatch", "Maple Watch", "https://x.com/maplewatch"), (post.AuthorId, post.AuthorHandle, post.AuthorName, post.AuthorUrl));
        Assert.Equal(new SocialPlace("Riverton, VT", -72.61, 44.17, -72.53, 44.23), post.Place);
        Assert.Equal((44.2031, -72.5702), (post.Lat!.Value, post.Long!.Value));
        Assert.Equal([new SocialPhoto("https://pbs.twimg.com/media/GlRvtnMapleLamp.jpg", "Dark street with an unlit lamp post")], post.Photos);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 12, 30, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal(("samokafor", "Sam Okafor"), (read.Posts[1].AuthorHandle, read.Posts[1].AuthorName));
    }

    [Fact]
    public void LinksAfterAnEmojiAreFoundAtTheirCodePointOffsetsAndTheMediaLinkIsDropped()
    {
        var post = Read(XV2Samples.Page).Posts[0];

        Assert.Equal("Streetlight out 🚧 on Maple Ave since Sunday, very dark at night https://riverton.example/lights/maple-ave #streetlights @RivertonVT", post.Text);
        Assert.Equal(["streetlights"], post.Hashtags);
        Assert.Equal(["rivertonvt"], post.Mentions);
    }

    [Fact]
    public void ReferencedPostsMarkARetweetAndAReply()
    {
        var posts = Read(XV2Samples.Page).Posts;

        Assert.Null(posts[0].RepostOf);
        Assert.Equal(Lamp, posts[1].ReplyTo);
        Assert.Null(posts[1].RepostOf);
        Assert.Equal(Lamp, posts[2].RepostOf);
    }

    [Fact]
    public void ThePagesMetaGivesTheNextTokenAndTheNewestId()
    {
        var read = Read(XV2Samples.Page);

        Assert.Equal("b26v89c19zqg8o3fr5kq", read.NextToken);
        Assert.Equal("1897100000000000013", read.NewestId);
    }

    [Fact]
    public void OneResponsePerLineIsReadWithItsArchiveMembersIgnored()
    {
        var read = Read(XV2Samples.Lines);

        Assert.Equal("x-v2", read.Shape);
        Assert.Equal(["1897200000000000031", "1897200000000000035"], read.Posts.Select(p => p.Id));
        Assert.Equal(["riverrd", "botran"], read.Posts.Select(p => p.AuthorHandle));
        Assert.Equal("1897200000000000035", read.NewestId);
    }

    [Fact]
    public void ABrokenLineAmongResponsesBecomesAnUnreadablePostInItsPlace()
    {
        var lines = XV2Samples.Lines.Split('\n');
        var body = string.Join("\n", lines[0], "{\"data\":[{\"id\":", lines[1]);

        var posts = Read(body).Posts;

        Assert.Equal(3, posts.Count);
        Assert.Equal("1897200000000000031", posts[0].Id);
        Assert.StartsWith("unreadable-", posts[1].Id, StringComparison.Ordinal);
        Assert.Equal("x", posts[1].Network);
        Assert.Contains("line 2", posts[1].Problem, StringComparison.Ordinal);
        Assert.Equal("1897200000000000035", posts[2].Id);
    }

    [Fact]
    public void APostLookupWithOneDataObjectIsOnePost()
    {
        var post = Assert.Single(Read("""{"data":{"id":"1897300000000000001","text":"Leaking hydrant on Pine St","edit_history_tweet_ids":["1897300000000000001"]}}""").Posts);

        Assert.Equal("1897300000000000001", post.Id);
        Assert.Equal("https://x.com/i/web/status/1897300000000000001", post.Url);
        Assert.Null(post.AuthorHandle);
    }

    [Fact]
    public void AnEmptySearchIsAV2ResponseWithNoPosts()
    {
        var read = Read("""{"meta":{"result_count":0}}""");

        Assert.Equal("x-v2", read.Shape);
        Assert.Empty(read.Posts);
    }
}
