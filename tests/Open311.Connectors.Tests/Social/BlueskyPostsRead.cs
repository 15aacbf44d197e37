using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Bluesky answers (<see cref="BlueskySearchSample"/>, <see cref="BlueskyFeedSample"/>, <see cref="BlueskyThreadSamples"/>, in the
/// shapes of the atproto lexicons app.bsky.feed.defs, searchPosts, getTimeline, getPostThread and com.atproto.repo.getRecord) read into posts.
/// </summary>
public sealed class BlueskyPostsRead
{
    private const string Mira = "did:plc:w4rvtnmaple7okq2ydbhe5xs";
    private const string Report = "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lkcetxnouqnw";
    private const string Parks = "at://did:plc:parksdept3335vt2hall6xyz/app.bsky.feed.post/3lugwthu3z5r4";
    private const string ThreadTop = "at://did:plc:jo7tq3lmnbv5cx2zk4wr6ehy/app.bsky.feed.post/3lmbxlkon3n7b";

    private static SocialRead Read(string json) => SocialPayloads.Read(Encoding.UTF8.GetBytes(json), new SocialSettings());

    [Fact]
    public void ASearchPageGivesItsPostsAndItsCursor()
    {
        var read = Read(BlueskySearchSample.Search);

        Assert.Equal("bluesky", read.Shape);
        Assert.Equal("25", read.NextToken);
        Assert.Equal([Report, "at://did:plc:rivertontown5vt2hall6xyz/app.bsky.feed.post/3lozth6aubk3s"], read.Posts.Select(p => p.Id));
    }

    [Fact]
    public void APostViewGivesItsAuthorLinksAndFullSizePhotos()
    {
        var post = Read(BlueskySearchSample.Search).Posts[0];

        Assert.Equal(("bluesky", "bafyreimr3ycr4pumcdv3tch4od5awyrmlq2eczg7fvbxvmuefeouotfp72"), (post.Network, post.Cid));
        Assert.Equal("https://bsky.app/profile/mira.bsky.social/post/3lkcetxnouqnw", post.Url);
        Assert.Equal((Mira, "mira.bsky.social", "Mira Chen", "https://bsky.app/profile/mira.bsky.social"), (post.AuthorId, post.AuthorHandle, post.AuthorName, post.AuthorUrl));
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 9, 58, 41, 512, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal(
            [new SocialPhoto($"https://cdn.bsky.app/img/feed_fullsize/plain/{Mira}/bafkreiqqe36jrc3outgjqseoqxt45cqhbg5nid4tbnfdm6dshuaw7tjmgh@jpeg", "Raised slab of sidewalk in front of the café")],
            post.Photos);
        Assert.Null(post.RepostOf);
    }

    [Fact]
    public void FacetsAfterMultiByteTextAreCutAtTheirUtf8ByteOffsets()
    {
        var post = Read(BlueskySearchSample.Search).Posts[0];

        Assert.Equal(
            "Café on Ōak St 🚧 sidewalk heaved, tripping hazard @rivertonvt.bsky.social #Sidewalks cc @jo.example.com photos: https://riverton.example/report/4471?from=bsky",
            post.Text);
        Assert.Equal(["sidewalks", "rivertonfix"], post.Hashtags);
    }

    [Fact]
    public void AMentionShowsTheHandleThePayloadKnowsElseTheTextAsWritten()
    {
        var post = Read(BlueskySearchSample.Search).Posts[0];

        // The town's DID is the author of the other post, under its current handle; Jo's DID appears nowhere else.
        Assert.Equal(["riverton.bsky.social", "jo.example.com"], post.Mentions);
    }

    [Fact]
    public void AQuotePostIsPassedOn()
    {
        var quote = Read(BlueskySearchSample.Search).Posts[1];

        Assert.Equal("at://did:plc:oakstreetneighbor234567ab/app.bsky.feed.post/3l3ngug5bkwvb", quote.RepostOf);
        Assert.Empty(quote.Photos);
    }

    [Fact]
    public void AFeedMarksTheRepostedPostAsPassedOnAndTheReplyAsAReply()
    {
        var read = Read(BlueskyFeedSample.Feed);

        Assert.Equal("bluesky", read.Shape);
        Assert.Equal("2026-03-05T17:30:01.000Z", read.NextToken);
        Assert.Equal(Parks, read.Posts[0].Id);
        Assert.Equal(Parks, read.Posts[0].RepostOf);
        Assert.Null(read.Posts[1].RepostOf);
        Assert.Equal((Parks, Parks), (read.Posts[1].ReplyTo, read.Posts[1].ThreadRoot));
    }

    [Fact]
    public void AThreadGivesItsParentThePostAndItsRepliesEachAsAPost()
    {
        var read = Read(BlueskyThreadSamples.Thread);

        Assert.Equal("bluesky", read.Shape);
        Assert.Equal(
            [
                ThreadTop,
                "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lxonjuyzc2pf",
                "at://did:plc:rivertontown5vt2hall6xyz/app.bsky.feed.post/3ljldt4jlgjhc",
                "at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lcsdqoidfugb",
            ],
            read.Posts.Select(p => p.Id));
        Assert.Equal(["Water main leak on Birch St, water running down the hill", "Still running at 7:25, it is icing over", "Salt truck is on the way", "Thank you!"], read.Posts.Select(p => p.Text));
        Assert.All(read.Posts.Skip(1), post => Assert.Equal(ThreadTop, post.ThreadRoot));
    }

    [Fact]
    public void ARecordBuildsItsPhotoFromItsBlobUnderTheAuthorsDid()
    {
        var read = Read(BlueskyThreadSamples.Record);

        var post = Assert.Single(read.Posts);
        Assert.Equal("bluesky", read.Shape);
        Assert.Equal(("at://did:plc:w4rvtnmaple7okq2ydbhe5xs/app.bsky.feed.post/3lfwtcp6cyqyd", "bafyreifmbx6kpf7i4my2frneaxhqtq64ik2syot64uvtrllghwarcugyqt"), (post.Id, post.Cid));
        Assert.Equal(($"https://bsky.app/profile/{Mira}/post/3lfwtcp6cyqyd", Mira), (post.Url, post.AuthorId));
        Assert.Null(post.AuthorHandle);
        Assert.Equal(
            [new SocialPhoto($"https://cdn.bsky.app/img/feed_fullsize/plain/{Mira}/bafkreiqwdulzcfadxhhhqd4sndmoqjcatc5pk5ubnx67a2q4cmh4s7ghvh@jpeg", "Spray paint across the underpass wall")],
            post.Photos);
        Assert.Equal((ThreadTop, ThreadTop), (post.ReplyTo, post.ThreadRoot));
    }

    [Fact]
    public void ListedRecordsAreReadWithTheirCursor()
    {
        var read = Read("{\"records\":[" + BlueskyThreadSamples.Record + "],\"cursor\":\"3lfwtcp6cyqyd\"}");

        Assert.Equal("3lfwtcp6cyqyd", read.NextToken);
        Assert.Equal("Graffiti on the Elm St underpass again", Assert.Single(read.Posts).Text);
    }

    [Fact]
    public void ABareRecordIsReadButCannotBeToldApart()
    {
        var read = Read(BlueskyThreadSamples.BareRecord);

        var post = Assert.Single(read.Posts);
        Assert.Equal("bluesky", read.Shape);
        Assert.StartsWith("unreadable-", post.Id, StringComparison.Ordinal);
        Assert.Equal("a bare record without its at:// uri cannot be told apart from others", post.Problem);
        Assert.Equal("Bench broken at Eta Park", post.Text);
    }
}
