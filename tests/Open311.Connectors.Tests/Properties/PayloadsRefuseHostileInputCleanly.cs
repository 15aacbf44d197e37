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

    /// <summary>MIME built from hostile headers and parts: read as far as it goes, never an exception but FormatException.</summary>
    [Fact]
    public void EmailsAreReadOrKeptAsUnreadable()
    {
        var headers = Gen.Select(Gen.OneOf("Subject", "From", "To", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Message-ID", "Date", "Auto-Submitted"), Hostile.Value).Array[0, 8];
        var mime = Gen.Select(headers, Gen.OneOf("multipart/mixed; boundary=b", "multipart/related; boundary=\"=_=\"", "text/html; charset=x-none", "image/jpeg"), Hostile.Value.Array[0, 4])
            .Select(m => string.Concat(m.Item1.Select(h => $"{h.Item1}: {h.Item2.Replace("\r", " ").Replace("\n", " ")}\r\n")) + $"Content-Type: {m.Item2}\r\n\r\n" + string.Join("\r\n--b\r\n", m.Item3));
        Hostile.Check(mime, Cases, text =>
        {
            var raw = Encoding.UTF8.GetBytes(text);
            try
            {
                var report = Open311.Connectors.Email.EmailReport.From(Open311.Connectors.Email.MimeReader.Read(raw), "mail", new Open311.Connectors.Email.EmailSettings(), raw, DateTimeOffset.UnixEpoch);
                Assert.False(string.IsNullOrEmpty(report.ExternalId));
            }
            catch (FormatException)
            {
            }
        });
    }

    [Fact]
    public void ProviderPayloadsAreReadOrRefused()
    {
        Hostile.Check(Hostile.Json, Cases, json =>
        {
            var body = Encoding.UTF8.GetBytes(json);
            try
            {
                Open311.Connectors.Email.ProviderReaders.Postmark(body);
            }
            catch (FormatException)
            {
            }

            try
            {
                var form = Open311.Connectors.Email.FormFields.Read("application/x-www-form-urlencoded", body);
                Open311.Connectors.Email.ProviderReaders.Mailgun(form, body, null);
            }
            catch (FormatException)
            {
            }
        });
    }
}
