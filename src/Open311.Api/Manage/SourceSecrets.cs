using System.Text.Json;
using System.Text.Json.Nodes;

namespace Open311.Api.Manage;

/// <summary>
/// Secrets of a source document are write-only: a GET shows <see cref="ManageEndpoints.HiddenKey"/> in their place,
/// and a PUT that sends that placeholder back keeps the stored value. Paths are the connector's, dotted
/// (<c>write_back.api_key</c>).
/// </summary>
public static class SourceSecrets
{
    public static void Mask(JsonObject document, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Find(document, path, out var parent, out var name) && parent[name] is JsonValue)
            {
                parent[name] = ManageEndpoints.HiddenKey;
            }
        }
    }

    /// <summary>Puts the stored value back wherever <paramref name="incoming"/> carries the placeholder.</summary>
    public static void Restore(JsonObject incoming, JsonObject? stored, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!Find(incoming, path, out var parent, out var name) || parent[name] is not JsonValue value
                || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != ManageEndpoints.HiddenKey)
            {
                continue;
            }

            var kept = stored is not null && Find(stored, path, out var storedParent, out var storedName) ? storedParent[storedName]?.DeepClone() : null;
            if (kept is null)
            {
                parent.Remove(name);
            }
            else
            {
                parent[name] = kept;
            }
        }
    }

    private static bool Find(JsonObject document, string path, out JsonObject parent, out string name)
    {
        var parts = path.Split('.');
        parent = document;
        name = parts[^1];
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject next)
            {
                return false;
            }

            parent = next;
        }

        return parent.ContainsKey(name);
    }
}
