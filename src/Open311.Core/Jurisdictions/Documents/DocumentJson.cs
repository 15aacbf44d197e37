using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Open311.Core.Jurisdictions.Documents;

/// <summary>The JSON settings of the manage API's documents: snake_case, strict about unknown members.</summary>
public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,

        // {"lon":1,"lon":2} is ambiguous, and readers further down (GeoJSON) refuse it with an exception.
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads a document, turning JSON mistakes into one readable sentence instead of an exception.</summary>
    public static T Read<T>(string json, out string? error)
        where T : class, new()
    {
        try
        {
            var document = JsonSerializer.Deserialize<T>(json, Options) ?? new T();
            error = NullItem(document, "$") is { } path
                ? $"The body is not a valid {Name<T>()} document: {path} is null; leave an item out instead."
                : null;
            return error is null ? document : new T();
        }
        catch (JsonException ex)
        {
            error = $"The body is not a valid {Name<T>()} document: {Explain(ex)}";
            return new T();
        }
    }

    private static string Name<T>() => typeof(T).Name.Replace("Document", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// The path of the first null inside a list or map of a document (<c>{"services":[null]}</c>): the serializer
    /// accepts those, and every reader after it would have to check. Documents are small trees of our own classes.
    /// </summary>
    private static string? NullItem(object node, string path)
    {
        foreach (var property in node.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetValue(node) is not { } value || value is string or JsonElement || value.GetType().IsValueType)
            {
                continue;
            }

            var here = $"{path}.{JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name)}";
            var found = value switch
            {
                System.Collections.IDictionary map => map.Keys.Cast<object>().Select(k => map[k] is { } item ? Nested(item, $"{here}.{k}") : $"{here}.{k}").FirstOrDefault(p => p is not null),
                System.Collections.IEnumerable list => list.Cast<object?>().Select((item, i) => item is null ? $"{here}[{i}]" : Nested(item, $"{here}[{i}]")).FirstOrDefault(p => p is not null),
                _ => Nested(value, here),
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Nested(object value, string path) =>
        value.GetType().Namespace?.StartsWith("Open311.", StringComparison.Ordinal) == true ? NullItem(value, path) : null;

    private static string Explain(JsonException ex)
    {
        var where = ex.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var what = ex.Message.Split(" Path:", 2)[0].Split(". LineNumber", 2)[0];

        // "The JSON value could not be converted to Open311.Core…Document" says nothing to a client but our type names.
        if (what.Contains("could not be converted to", StringComparison.Ordinal))
        {
            what = "a value has the wrong JSON type (an object, array, string, number or boolean where another is expected)";
        }

        return what.TrimEnd('.') + where + ".";
    }
}
