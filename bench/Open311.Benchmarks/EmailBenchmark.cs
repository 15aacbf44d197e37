using System.Text;
using MimeKit;
using Open311.Connectors.Email;
using Open311.Connectors.Media;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Routing;
using Open311.Testing;

namespace Open311.Benchmarks;

/// <summary>
/// E-mails parsed, located and routed per second, against MimeKit's bare parse of the same messages in one process:
/// our path reads the message (bodies, encoded words, image parts decoded), cleans the text (quoted replies,
/// signatures, HTML), reads the photo's EXIF GPS and decides the jurisdiction and service; the baseline only loads
/// the MIME tree. Storage is left out on purpose: it is measured by the storage benchmark.
/// </summary>
public static class EmailBenchmark
{
    public static async Task RunAsync()
    {
        var corpus = Corpus(200);
        var index = RoutingIndex.Build([Riverton()]);
        var settings = new EmailSettings { JurisdictionMap = new() { ["riverton"] = "riverton.example" } };
        var source = new SourceSettings("mail", new Dictionary<string, string> { ["to:potholes"] = "pothole" }, "general_feedback", 1000);
        var routed = 0;
        Console.WriteLine($"E-mail intake: {corpus.Count} messages, {corpus.Sum(m => m.Length) / 1024:N0} KiB in all (a third with a 240 KB photo)");

        var results = await Measure.CompareAsync(
            "200 messages",
            warmup: 3,
            rounds: 120,
            ("MimeKit MimeMessage.Load only", () =>
            {
                foreach (var raw in corpus)
                {
                    using var stream = new MemoryStream(raw, writable: false);
                    _ = MimeMessage.Load(stream);
                }

                return Task.CompletedTask;
            }),
            ("read, clean, locate by EXIF, route", () =>
            {
                foreach (var raw in corpus)
                {
                    routed += Intake(raw) ? 1 : 0;
                }

                return Task.CompletedTask;
            }));

        bool Intake(byte[] raw)
        {
            var report = EmailReport.From(Open311.Connectors.Email.MimeReader.Read(raw), "mail", settings, raw, DateTimeOffset.UtcNow);
            if (report.Photos.FirstOrDefault()?.Open is { } photo && PhotoGps.Read(photo(), 1) is { } place)
            {
                report = report with { Lat = place.Lat, Long = place.Long };
            }

            return report.Lat is not null && Classification.Decide(index, report, source).Routed;
        }

        foreach (var r in results)
        {
            Console.WriteLine($"{r.Variant,-40} median {r.MedianMs,8:N2} ms  p90 {r.P90Ms,8:N2} ms  {corpus.Count / (r.MedianMs / 1000),8:N0} messages/s");
        }

        Console.WriteLine($"throughput ratio (ours ÷ bare parse): {1 / results[1].Ratio:N2}×  ({routed / 123:N0} of {corpus.Count} routed per run)");
    }

    /// <summary>A mix like a town's inbox: plain replies with quoted text, HTML-only mail, phone photos with GPS.</summary>
    private static List<byte[]> Corpus(int count)
    {
        var photo = Photo();
        var list = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            list.Add((i % 3) switch
            {
                0 => TestMail.WithInlinePhoto($"p{i}@example.org", photo, to: "potholes+riverton@reports.example"),
                1 => TestMail.Plain($"r{i}@example.org", "Re: Pothole on Main Street", "It is still there and getting deeper.\n\nOn Mon, 23 Nov 2026 at 09:14, Riverton 311 <311@riverton.example> wrote:\n> Thank you for your report.\n> It is now request 12.\n\n-- \nSam"),
                _ => Encoding.UTF8.GetBytes($"From: Lee <lee@example.org>\r\nTo: potholes+riverton@reports.example\r\nSubject: Broken street light {i}\r\nMessage-ID: <h{i}@example.org>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p{{color:red}}</style></head><body><p>The <b>street light</b> outside number {i} is out.</p><ul><li>since Friday</li><li>flickering before</li></ul><div class=\"gmail_quote\">On Fri someone wrote: old text</div></body></html>\r\n"),
            });
        }

        return list;
    }

    /// <summary>A phone-sized JPEG: GPS EXIF in Riverton and 240 KB of scan data.</summary>
    private static byte[] Photo()
    {
        var small = TestImages.JpegWithGps(44.2, -72.57);
        var scan = new byte[240 * 1024];
        new Random(311).NextBytes(scan);
        for (var i = 0; i < scan.Length; i++)
        {
            if (scan[i] == 0xFF)
            {
                scan[i] = 0xFE;
            }
        }

        return [.. small[..^2], .. scan, 0xFF, 0xD9];
    }

    private static Jurisdiction Riverton()
    {
        var errors = new List<string>();
        var town = JurisdictionDocumentReader.Read(DocumentJson.Read<JurisdictionDocument>(File.ReadAllText(RepoPaths.Of("samples", "riverton.json")), out _), "riverton.example", errors);
        return town;
    }
}
