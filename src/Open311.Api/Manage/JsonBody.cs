using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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

        if (request.ContentLength > maxBytes)
        {
            throw new Open311Exception(413, $"The document is {request.ContentLength:N0} bytes; at most {maxBytes:N0} are accepted.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new Open311Exception(413, $"The document is larger than {maxBytes:N0} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        var document = DocumentJson.Read<T>(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), out var error);
        return error is null ? document : throw Open311Exception.BadRequest(error);
    }
}
