using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Outbound;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// The fields of a deployment's surveys (<c>GET /api/v3/forms/{id}/attributes</c>): v3 posts and webhooks key their
/// values by field key only, so labels come from here. Kept for ten minutes per survey; unreadable → null.
/// </summary>
public sealed class UshahidiForms(HttpClient http, TimeProvider time, ILogger<UshahidiForms> logger)
{
    public const int MaxBytes = 1024 * 1024;
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, UshahidiField>? Fields, DateTimeOffset Until)> cache = new();

    public async Task<IReadOnlyDictionary<string, UshahidiField>?> FieldsAsync(UshahidiSettings settings, string? formId, CancellationToken cancellationToken)
    {
        if (settings.Deployment is not { } deployment || formId is null || !formId.All(char.IsAsciiDigit))
        {
            return null;
        }

        var key = $"{deployment}|{formId}";
        if (cache.TryGetValue(key, out var hit) && hit.Until > time.GetUtcNow())
        {
            return hit.Fields;
        }

        IReadOnlyDictionary<string, UshahidiField>? fields = null;
        try
        {
            using var response = await http.GetAsync($"{deployment}/api/v3/forms/{formId}/attributes", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var document = await response.Content.ReadJsonAsync(MaxBytes, cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                fields = results.EnumerateArray()
                    .Where(a => a.ValueKind == JsonValueKind.Object && Text(a, "key") is not null)
                    .Select(a => new UshahidiField(Text(a, "key")!, Text(a, "label"), Text(a, "type"), Text(a, "input")))
                    .DistinctBy(f => f.Key)
                    .ToDictionary(f => f.Key);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Fields of survey {Form} at {Deployment} not read: {Reason}", formId, deployment, ex.Message);
        }

        cache[key] = (fields, time.GetUtcNow() + KeepFor);
        return fields;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
