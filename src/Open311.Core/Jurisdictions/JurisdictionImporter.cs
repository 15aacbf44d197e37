using System.Text.Json;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Core.Jurisdictions;

/// <summary>
/// Turns a GeoJSON FeatureCollection (every county of a state, every state of a country) into jurisdictions in one
/// call. Re-importing the same file changes nothing; features that cannot be read are reported, the rest imported.
/// </summary>
public sealed class JurisdictionImporter(IJurisdictionStore store, JurisdictionRegistry registry, TimeProvider time)
{
    public const int MaxFeatures = 20_000;

    public async Task<ImportReport> ImportAsync(ImportDocument import, CancellationToken cancellationToken)
    {
        var features = Features(import);
        var existing = (await store.ListAsync(cancellationToken)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var changeset = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var writes = new List<(string Id, string Json)>();
        var rejected = new List<ImportRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var created = 0;
        var unchanged = 0;
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var id = Property(feature, import.IdProperty ?? "$id") is { } raw ? (import.IdPrefix ?? string.Empty) + raw : null;
            var errors = new List<string>();
            if (id is null || !seen.Add(id))
            {
                rejected.Add(new ImportRejection(i, id, [id is null ? $"no '{import.IdProperty ?? "$id"}' to take the id from" : "the id occurs twice in this import"]));
                continue;
            }

            var before = existing.GetValueOrDefault(id);
            var document = before is null ? new JurisdictionDocument() : DocumentJson.Read<JurisdictionDocument>(before.DocumentJson, out _);
            document.Id = id;
            document.Name = Property(feature, import.NameProperty ?? "name") ?? id;
            document.Tier = import.TierProperty is { } tierProperty ? Property(feature, tierProperty) : import.Tier;
            document.Timezone ??= import.Timezone;
            document.Boundary = feature.TryGetProperty("geometry", out var geometry) ? geometry.Clone() : null;
            if (document.Boundary is null || document.Boundary.Value.ValueKind == JsonValueKind.Null)
            {
                errors.Add("the feature has no geometry");
            }

            JurisdictionDocumentReader.Read(document, id, errors);
            if (errors.Count > 0)
            {
                rejected.Add(new ImportRejection(i, id, errors));
                continue;
            }

            document.Changeset ??= changeset; // an existing document keeps its changeset unless something changed
            var json = JsonSerializer.Serialize(document, DocumentJson.Options);
            if (before is not null && json == before.DocumentJson)
            {
                unchanged++;
                continue;
            }

            document.Changeset = changeset;
            writes.Add((id, JsonSerializer.Serialize(document, DocumentJson.Options)));
            created += before is null ? 1 : 0;
        }

        await store.PutManyAsync(writes, cancellationToken);
        registry.Invalidate();
        return new ImportReport(created, writes.Count - created, unchanged, rejected);
    }

    private static List<JsonElement> Features(ImportDocument import)
    {
        if (import.Tier is null && import.TierProperty is null)
        {
            throw Open311Exception.BadRequest("tier (or tier_property) is required: what kind of jurisdiction these features are.");
        }

        if (import.Features is not { ValueKind: JsonValueKind.Object } collection
            || !collection.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw Open311Exception.BadRequest("features must be a GeoJSON FeatureCollection.");
        }

        if (list.GetArrayLength() > MaxFeatures)
        {
            throw new Open311Exception(413, $"An import holds at most {MaxFeatures:N0} features; split the file.");
        }

        return [.. list.EnumerateArray()];
    }

    /// <summary>A feature's property as text (numbers too: FIPS codes often arrive as numbers); <c>$id</c> is the feature id.</summary>
    private static string? Property(JsonElement feature, string name)
    {
        var value = name == "$id"
            ? feature.TryGetProperty("id", out var id) ? id : default
            : feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var p) ? p : default;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
