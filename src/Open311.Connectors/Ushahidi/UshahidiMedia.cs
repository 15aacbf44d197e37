using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Outbound;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// A post's media id → the file's URL: <c>GET /api/v{3|5}/media/{id}</c> answers <c>original_file_url</c> at the top
/// (v3) or inside <c>result</c> (v5, as the platform's own <c>media.v5.feature</c> reads it). Called by the shared
/// photo copy, after dedupe; an answer that is not the platform's shape is a null, never an exception.
/// </summary>
public sealed class UshahidiMedia(HttpClient http, ILogger<UshahidiMedia> logger)
{
    /// <summary>A media answer is a few hundred bytes of JSON.</summary>
    public const int MaxBytes = 64 * 1024;

    public async Task<string?> OriginalUrlAsync(UshahidiSettings settings, long id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"{settings.Deployment}/api/{settings.Api}/media/{id}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var document = await response.Content.ReadJsonAsync(MaxBytes, cancellationToken);
            var answer = document.RootElement;
            var media = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result : answer;
            return media.ValueKind == JsonValueKind.Object && media.TryGetProperty("original_file_url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Media {MediaId} at {Deployment}: no file URL ({Reason})", id, settings.Deployment, ex.Message);
            return null;
        }
    }
}
