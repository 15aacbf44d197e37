using Microsoft.Extensions.Logging;
using Open311.Core.Intake;
using Open311.Core.Media;
using Open311.Core.Outbound;

namespace Open311.Connectors.Media;

/// <summary>
/// Every connector's photo copy (after dedupe): each photo is fetched through the guarded client or taken from the
/// bytes in hand, checked to be an image, its GPS read, then stored without its metadata under
/// <c>{intake name}-{position}</c> — the same names on every delivery, so nothing is left orphaned. A photo that
/// cannot be copied keeps its source URL (unless the guard refused that URL) and the reason is noted.
/// </summary>
public sealed class PhotoCopier(HttpClient http, IMediaStore media, ILogger<PhotoCopier> logger) : IPhotoCopier
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPhotos = 5;

    public async Task<CopiedPhotos> CopyAsync(string folder, string intakeId, IReadOnlyList<InboundPhoto> photos, string? publicBase, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        var problems = new List<string>();
        PhotoLocation? location = null;
        foreach (var (photo, position) in photos.Take(MaxPhotos).Select((p, i) => (p, i + 1)))
        {
            string? url = null;
            try
            {
                url = photo.Url ?? (photo.Resolve is { } resolve ? await resolve(cancellationToken) : null);
                var bytes = photo.Content?.ToArray()
                    ?? (photo.Open is { } open ? await ReadAsync(open, cancellationToken) : null)
                    ?? (IsWeb(url) ? await DownloadAsync(url!, cancellationToken) : null);
                if (bytes is null)
                {
                    problems.Add($"photo {position}: no file to copy");
                    continue;
                }

                var kind = ImageSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ImageSniffer.HeaderLength)))
                    ?? throw new FormatException("not a JPEG, PNG, GIF or WebP image");
                location ??= PhotoGps.Read(bytes, position);
                if (publicBase is null)
                {
                    KeepOriginal(url, position, "no public address is configured to serve a copy from", urls, problems);
                    continue;
                }

                var name = $"{IntakePipeline.StorageName(intakeId)}-{position}.{kind.Extension}";
                await media.SaveAsAsync(folder, name, MetadataStripper.Strip(bytes, kind), kind.ContentType, cancellationToken);
                urls.Add($"{publicBase}/media/{Uri.EscapeDataString(folder)}/{name}");
            }
            catch (OutboundRefusedException ex)
            {
                // A URL the guard refused is not ours to publish either.
                problems.Add($"photo {position}: not fetched ({ex.Message})");
                logger.LogWarning("Photo {Position} of {IntakeId} not fetched: {Reason}", position, intakeId, ex.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException or FormatException or InvalidDataException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                KeepOriginal(url, position, ex.Message, urls, problems);
                logger.LogWarning("Photo {Position} of {IntakeId} not copied: {Reason}", position, intakeId, ex.Message);
            }
        }

        if (photos.Count > MaxPhotos)
        {
            problems.Add($"{photos.Count - MaxPhotos} more photo(s) left out: at most {MaxPhotos} are kept");
        }

        return new CopiedPhotos(urls, location, problems);
    }

    private static void KeepOriginal(string? url, int position, string reason, List<string> urls, List<string> problems)
    {
        if (IsWeb(url))
        {
            urls.Add(url!);
            problems.Add($"photo {position}: not copied ({reason}); the source's URL is kept");
        }
        else
        {
            problems.Add($"photo {position}: not copied ({reason})");
        }
    }

    private static bool IsWeb(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static async Task<byte[]> ReadAsync(Func<Stream> open, CancellationToken cancellationToken)
    {
        await using var stream = open();
        return await Open311.Core.Protocol.BoundedRead.ReadAllAsync(stream, MaxBytes, () => new InvalidDataException($"the photo is larger than {MaxBytes:N0} bytes"), cancellationToken);
    }

    private async Task<byte[]> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadBytesAsync(MaxBytes, cancellationToken);
    }
}
