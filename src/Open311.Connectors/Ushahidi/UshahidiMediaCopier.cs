using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Intake;
using Open311.Core.Media;
using Open311.Core.Outbound;
using Open311.Core.Protocol;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// Turns a post's media ids into photos of our own: <c>GET /api/v{3|5}/media/{id}</c> gives
/// <c>original_file_url</c>; the file is fetched, checked to be an image, and stored in Blob Storage, so the
/// request's <c>media_url</c> keeps working when the deployment goes away. When a copy fails the original URL is
/// kept instead (nothing is dropped), and the reason logged.
/// </summary>
public sealed class UshahidiMediaCopier(HttpClient http, IMediaStore media, ILogger<UshahidiMediaCopier> logger)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>A media answer is a few hundred bytes of JSON.</summary>
    public const int MaxMetadataBytes = 64 * 1024;

    /// <param name="publicBase">Our <c>https://host/open311</c>; null keeps the deployment's URLs.</param>
    public async Task<IReadOnlyList<string>> CopyAsync(string sourceId, SourceDocument source, IReadOnlyList<long> ids, string? publicBase, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        if (source.DeploymentUrl is not { } deployment)
        {
            return urls;
        }

        foreach (var id in ids)
        {
            string? original = null;
            try
            {
                using var meta = await http.GetAsync($"{deployment.TrimEnd('/')}/api/{source.ApiVersion ?? "v3"}/media/{id}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                meta.EnsureSuccessStatusCode();
                using var document = await meta.Content.ReadJsonAsync(MaxMetadataBytes, cancellationToken);
                original = OriginalFileUrl(document.RootElement);
                if (original is null || !Uri.TryCreate(original, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    logger.LogWarning("Media {MediaId} of {Source} has no usable original_file_url", id, sourceId);
                    continue;
                }

                if (publicBase is null)
                {
                    urls.Add(original);
                    continue;
                }

                var bytes = await DownloadAsync(uri, cancellationToken);
                var kind = ImageSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ImageSniffer.HeaderLength)))
                    ?? throw new FormatException("not a JPEG, PNG, GIF or WebP image");
                var container = $"src-{sourceId}";
                var name = await media.SaveAsync(container, bytes, kind, cancellationToken);
                urls.Add($"{publicBase}/media/{Uri.EscapeDataString(container)}/{name}");
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException or InvalidDataException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A URL the guard refused is not ours to publish either.
                var keep = original is not null && ex is not OutboundRefusedException;
                logger.LogWarning("Media {MediaId} of {Source} not copied ({Reason}); {Kept}", id, sourceId, ex.Message, keep ? "the deployment's URL is kept" : "dropped");
                if (keep)
                {
                    urls.Add(original!);
                }
            }
        }

        return urls;
    }

    /// <summary><c>original_file_url</c> of a media answer: at the top (v3) or inside <c>result</c> (v5, as the platform's <c>media.v5.feature</c> reads it).</summary>
    private static string? OriginalFileUrl(JsonElement answer)
    {
        var media = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result : answer;
        return media.ValueKind == JsonValueKind.Object && media.TryGetProperty("original_file_url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
    }

    private async Task<byte[]> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadBytesAsync(MaxBytes, cancellationToken);
    }
}
