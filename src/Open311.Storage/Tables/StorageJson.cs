using System.Text.Encodings.Web;
using System.Text.Json;

namespace Open311.Storage.Tables;

/// <summary>
/// JSON kept in table properties: non-ASCII text as itself, not <c>\uXXXX</c> — six characters per letter (twelve per
/// emoji) would blow a property's 32,768-character limit long before the text's own bounds.
/// </summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
