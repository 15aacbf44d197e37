using System.Text;
using CsCheck;
using Open311.Connectors.Ushahidi;
using Open311.Core.Intake;
using Open311.Testing;

namespace Open311.Connectors.Tests.Properties;

/// <summary>
/// Property-based hostile payloads into every connector's reader (CsCheck, fixed seed, bounded case count): a payload
/// is read or refused with a FormatException that says why; nothing else escapes. Counts in docs/reliability.md.
/// </summary>
public sealed class PayloadsRefuseHostileInputCleanly
{
    public const int Cases = 3000;

    private static readonly SourceDocument Source = new() { Type = "ushahidi", DeploymentUrl = "https://crisis.example.org", MediaKey = "media", LocationKey = null };

    [Fact]
    public void UshahidiPostsAreReadOrRefused()
    {
        Hostile.Check(
            Hostile.Json,
            Cases,
            json =>
            {
                try
                {
                    var (report, media) = UshahidiWebhookParser.Parse("crisis", Encoding.UTF8.GetBytes(json), Source, DateTimeOffset.UnixEpoch);
                    Assert.False(string.IsNullOrEmpty(report.ExternalId));
                    Assert.True(media.Count <= 5);
                }
                catch (FormatException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                }
            });
    }
}
