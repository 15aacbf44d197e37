using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Mastodon statuses (<see cref="MastodonTimelineSample"/> and <see cref="MastodonStatusSamples"/>, in the shapes of the
/// tag timeline and status lookup, docs.joinmastodon.org entities/Status, Quote, ShallowQuote) read into posts.
/// </summary>
public sealed class MastodonStatusesRead
{
    private static SocialRead Read(string json) => SocialPayloads.Read(Encoding.UTF8.GetBytes(json), new SocialSettings());

    [Fact]
    public void ATimelineIsRecognisedAndEveryStatusRead()
    {
        var read = Read(MastodonTimelineSample.Timeline);

        Assert.Equal("mastodon", read.Shape);
        Assert.Equal(["113900000000000101", "113900000000000102", "113900000000000103"], read.Posts.Select(p => p.Id));
        Assert.All(read.Posts, post => Assert.Equal("mastodon", post.Network));
    }

    [Fact]
    public void ContentHtmlBecomesTextAndAShortenedLinkItsFullUrl()
    {
        var post = Read(MastodonTimelineSample.Timeline).Posts[0];

        Assert.Equal(
            "Fallen tree blocking the bike path at Eta Park, @riverton #trees #RivertonFix\n\n"
            + "Map: https://www.openstreetmap.org/?mlat=44.2047&mlon=-72.5661#map=19/44.2047/-72.5661\n"
            + "Photos below, more on the parks page.",
            post.Text);
    }

    [Fact]
    public void TagsMentionsAndTheAuthorComeFromTheirMembers()
    {
        var post = Read(MastodonTimelineSample.Timeline).Posts[0];

        Assert.Equal(["trees", "rivertonfix"], post.Hashtags);
        Assert.Equal(["riverton"], post.Mentions);
        Assert.Equal(("110000000000000042", "lena", "Lena Ortiz", "https://town.social/@lena"), (post.AuthorId, post.AuthorHandle, post.AuthorName, post.AuthorUrl));
        Assert.Equal("https://town.social/@lena/113900000000000101", post.Url);
        Assert.Null(post.Lat);
        Assert.Null(post.Place);
    }

    [Fact]
    public void OnlyImageAttachmentsArePhotosWithTheirDescription()
    {
        var post = Read(MastodonTimelineSample.Timeline).Posts[0];

        var photo = Assert.Single(post.Photos);
        Assert.Equal("https://files.town.social/media_attachments/files/113/900/000/000/201/original/4f1c2a9b.jpg", photo.Url);
        Assert.Equal("A birch trunk lying across the paved path", photo.AltText);
    }

    [Fact]
    public void CreationAndTheLastEditAreDated()
    {
        var posts = Read(MastodonTimelineSample.Timeline).Posts;

        Assert.Equal(new DateTimeOffset(2026, 3, 5, 16, 20, 11, TimeSpan.Zero), posts[0].CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 16, 25, 40, TimeSpan.Zero), posts[0].EditedAt);
        Assert.Null(posts[2].EditedAt);
    }

    [Fact]
    public void ABoostIsPassedOnAndAReplyIsMarked()
    {
        var posts = Read(MastodonTimelineSample.Timeline).Posts;

        Assert.Equal("113900000000000077", posts[1].RepostOf);
        Assert.Equal("https://town.social/users/sam/statuses/113900000000000102/activity", posts[1].Url);
        Assert.Null(posts[2].RepostOf);
        Assert.Equal("113900000000000101", posts[2].ReplyTo);
        Assert.Equal("@lena Still there this morning.", posts[2].Text);
        Assert.Equal(("jo@vt.social", "Jo :vt:"), (posts[2].AuthorHandle, posts[2].AuthorName));
        Assert.Equal(["lena@town.social"], posts[2].Mentions);
    }

    [Theory]
    [InlineData(MastodonStatusSamples.Quote)]
    [InlineData(MastodonStatusSamples.ShallowQuote)]
    public void AQuotePostIsPassedOnWithoutItsInlineFallback(string status)
    {
        var read = Read(status);

        var post = Assert.Single(read.Posts);
        Assert.Equal("mastodon", read.Shape);
        Assert.Equal("113900000000000055", post.RepostOf);
        Assert.Equal("Still blocked today", post.Text);
    }

    [Fact]
    public void AContentWarningComesBeforeTheText()
    {
        var post = Assert.Single(Read(MastodonStatusSamples.ContentWarning).Posts);

        Assert.Equal("Drug use\n\nNeedles left by the playground slide", post.Text);
    }

    [Fact]
    public void AnEmptyTimelineHasNoPosts()
    {
        Assert.Empty(Read("[]").Posts);
    }
}
