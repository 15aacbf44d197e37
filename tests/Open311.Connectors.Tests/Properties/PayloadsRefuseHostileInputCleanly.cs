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

    private static readonly UshahidiSettings Source = new() { DeploymentUrl = "https://crisis.example.org", MediaKey = "media" };

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
                    var post = UshahidiWebhookParser.Parse(Encoding.UTF8.GetBytes(json));
                    var report = UshahidiPostReader.Read(post, "crisis", Source, null, DateTimeOffset.UnixEpoch);
                    var media = UshahidiPostReader.MediaIds(post, Source);
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
