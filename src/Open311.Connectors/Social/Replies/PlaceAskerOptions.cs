namespace Open311.Connectors.Social;

/// <summary>The words of the question and how it is posted, the same for every source.</summary>
public sealed class PlaceAskerOptions
{
    /// <summary>The reply; <c>{mention}</c> becomes the author's @handle (the reply starts with it when the text has none).</summary>
    public string Question { get; set; } = "{mention} Thanks for the report. Where exactly is it? Please reply with the street and house number, or a map link.";

    /// <summary>
    /// Mastodon: <c>direct</c> (a private mention) keeps the question, and the answer the author gives to it (a reply
    /// to a private mention is private by default), between the author and the town's account: an exact address near
    /// someone's home is not published because we asked. <c>unlisted</c> would leave it in the public thread.
    /// </summary>
    public string MastodonVisibility { get; set; } = "direct";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
