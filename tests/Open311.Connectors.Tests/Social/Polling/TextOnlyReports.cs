using Open311.Connectors.Social;
using Open311.Core.Intake;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>A stand-in for the lead's mapping (our own seam): the post's id and text only, enough to follow what the pollers hand over.</summary>
public sealed class TextOnlyReports : ISocialReports
{
    public InboundReport ToReport(string sourceId, SocialPost post, SocialSettings settings) =>
        new() { SourceId = sourceId, ExternalId = post.Id, Text = post.Text };
}
