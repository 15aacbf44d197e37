using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// Turns a post into the report the intake takes. The pollers only read and page; what a post means (a boost, a
/// reply, an opted-out author, its place and photos) is decided in one place, shared with pushed posts.
/// </summary>
public interface ISocialReports
{
    InboundReport ToReport(string sourceId, SocialPost post, SocialSettings settings);
}
