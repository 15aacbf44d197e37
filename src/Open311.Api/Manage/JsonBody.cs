using System.Text;
using Microsoft.AspNetCore.Http;
using Open311.Api.Http;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Manage;

/// <summary>Reads a bounded JSON body of the manage API into a document type.</summary>
public static class JsonBody
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, int maxBytes = MaxBytes)
        where T : class, new()
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new Open311Exception(415, "Send the document as Content-Type: application/json.");
        }

        var body = await RawBody.ReadAsync(request, maxBytes, cancellationToken);
        var document = DocumentJson.Read<T>(Encoding.UTF8.GetString(body).TrimStart('\uFEFF'), out var error);
        return error is null ? document : throw Open311Exception.BadRequest(error);
    }
}
