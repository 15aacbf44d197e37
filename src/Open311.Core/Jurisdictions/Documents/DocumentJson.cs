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
    };

    /// <summary>Reads a document, turning JSON mistakes into one readable sentence instead of an exception.</summary>
    public static T Read<T>(string json, out string? error)
        where T : class, new()
    {
        try
        {
            error = null;
            return JsonSerializer.Deserialize<T>(json, Options) ?? new T();
        }
        catch (JsonException ex)
        {
            error = $"The body is not a valid {typeof(T).Name.Replace("Document", string.Empty, StringComparison.Ordinal)} document: {Explain(ex)}";
            return new T();
        }
    }

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
