using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>
/// The source's own handle and the hashtag it follows are on every post addressed to the town, so they are taken out of
/// the text that becomes the request's description; the post's hashtags and mentions keep them (category hints).
/// Uses <see cref="XV1Samples"/> and <see cref="MastodonTimelineSample"/> and short texts of our own.
/// </summary>
public sealed class SourceHandleAndHashtagRemoved
{
    private static readonly SocialSettings Town = new() { Handle = "riverton311", Hashtag = "potholes" };

    private static SocialPost Post(string text) => new() { Network = "x", Id = "1", Text = text };

    [Fact]
    public void ReadingAStatusRemovesTheHandleAndHashtagButKeepsTheListsWhole()
    {
        var settings = new SocialSettings { Handle = "@RivertonVT", Hashtag = "#potholes" };

        var post = Assert.Single(SocialPayloads.Read(Encoding.UTF8.GetBytes(XV1Samples.Extended), settings).Posts);

        Assert.Equal(
            "Deep pothole on Elm St by the library, a car lost a hubcap this morning. Please fix before someone gets hurt! Map: https://riverton.example/map?near=elm-st-library #EtaTrail",
            post.Text);
        Assert.Equal(["potholes", "etatrail"], post.Hashtags);
        Assert.Equal(["rivertonvt"], post.Mentions);
    }

    [Fact]
    public void AMastodonMentionAndHashtagLinkAreRemovedFromTheHtmlsText()
    {
        var settings = new SocialSettings { Handle = "riverton@town.social", Hashtag = "RivertonFix" };

        var post = SocialPayloads.Read(Encoding.UTF8.GetBytes(MastodonTimelineSample.Timeline), settings).Posts[0];

        Assert.StartsWith("Fallen tree blocking the bike path at Eta Park, #trees\n\nMap: https://www.openstreetmap.org/", post.Text, StringComparison.Ordinal);
        Assert.Equal(["trees", "rivertonfix"], post.Hashtags);
        Assert.Equal(["riverton"], post.Mentions);
    }

    [Theory]
    [InlineData("@riverton311 Pothole on Elm St #potholes", "Pothole on Elm St")]
    [InlineData("@Riverton311: pothole on Elm St", "pothole on Elm St")]
    [InlineData("Hi @riverton311, the hole on Elm St is back", "Hi, the hole on Elm St is back")]
    [InlineData("Deep hole on Elm St #Potholes.", "Deep hole on Elm St.")]
    [InlineData("Deep hole on Elm St #potholes #sidewalks", "Deep hole on Elm St #sidewalks")]
    [InlineData("cc @riverton311@town.social", "cc")]
    [InlineData("@riverton311\nDeep hole on Elm St\n\n#potholes", "Deep hole on Elm St")]
    [InlineData("#potholes2026 stays, #potholes goes", "#potholes2026 stays, goes")]
    public void TheHandleAndTheHashtagAreTakenOutAndTheSpacesTidied(string text, string cleaned)
    {
        Assert.Equal(cleaned, SocialText.Clean(Post(text), Town).Text);
    }

    [Theory]
    [InlineData("@riverton3110 and mail@riverton311.org are someone else")]
    [InlineData("See https://town.social/@riverton311 and https://riverton.example/map#potholes")]
    [InlineData("Nothing to take out")]
    public void LookalikesAreLeftAndAnUntouchedPostIsTheSamePost(string text)
    {
        var post = Post(text);

        Assert.Same(post, SocialText.Clean(post, Town));
    }

    [Fact]
    public void ABlueskyHandleWithDotsIsRemovedButNotALongerOne()
    {
        var settings = new SocialSettings { Handle = "riverton.bsky.social" };

        var cleaned = SocialText.Clean(Post("@riverton.bsky.social the bench at Eta Park is broken. @riverton.bsky.social.example is not us."), settings);

        Assert.Equal("the bench at Eta Park is broken. @riverton.bsky.social.example is not us.", cleaned.Text);
    }

    [Fact]
    public void CleaningTwiceChangesNothingMore()
    {
        var once = SocialText.Clean(Post("@riverton311 Pothole on Elm St #potholes"), Town);

        Assert.Same(once, SocialText.Clean(once, Town));
    }
}
