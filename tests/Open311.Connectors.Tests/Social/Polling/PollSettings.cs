using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>Which sources the timer polls (only those with their network's poll settings), what they are told is missing, and X's default query.</summary>
public sealed class PollSettings
{
    [Theory]
    [InlineData("""{"network":"mastodon","instance":"https://social.riverton.example","hashtag":"riverton311"}""", null)]
    [InlineData("""{"network":"mastodon","hashtag":"riverton311"}""", "Mastodon polling needs instance, hashtag; missing: instance")]
    [InlineData("""{"network":"x","bearer_token":"t","handle":"riverton311"}""", null)]
    [InlineData("""{"network":"x","hashtag":"riverton311"}""", "X polling needs bearer_token, one of query, hashtag, handle; missing: bearer_token")]
    [InlineData("""{"network":"x","bearer_token":"t"}""", "X polling needs bearer_token, one of query, hashtag, handle; missing: query or hashtag or handle")]
    [InlineData("""{"network":"bluesky","identifier":"town311.riverton.example","app_password":"p","query":"pothole riverton"}""", null)]
    [InlineData("""{"network":"bluesky","identifier":"town311.riverton.example","hashtag":"riverton311"}""", "Bluesky polling needs identifier, app_password, one of hashtag, query; missing: app_password")]
    [InlineData("""{"network":"myspace","hashtag":"riverton311"}""", "network myspace is not one that is polled (x, mastodon or bluesky)")]
    [InlineData("""{"hashtag":"riverton311"}""", "network is not set (x, mastodon or bluesky)")]
    public void ASourceIsPolledOnlyWithItsNetworksPollSettings(string settings, string? missing)
    {
        var source = PollRig.Source("""{"type":"social",""" + settings[1..]);

        Assert.Equal(missing is null, new PollRig().Poller().Polls(source));
        Assert.Equal(missing, SocialPoller.Missing(source.ConnectorSettings<SocialSettings>(out _)));
    }

    [Theory]
    [InlineData("riverton311", null, null, "#riverton311 -is:retweet")]
    [InlineData(null, "Riverton311", null, "@Riverton311 -is:retweet")]
    [InlineData("#riverton311", "@Riverton311", null, "(#riverton311 OR @Riverton311) -is:retweet")]
    [InlineData("riverton311", null, "pothole place_country:US", "pothole place_country:US")]
    public void XSearchesTheQueryElseTheHashtagOrHandleWithoutRetweets(string? hashtag, string? handle, string? query, string expected) =>
        Assert.Equal(expected, XPoller.Query(new SocialSettings { Hashtag = hashtag, Handle = handle, Query = query }));
}
