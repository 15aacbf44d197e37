using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>Reads a request body as bytes, bounded: signatures are computed over exactly these bytes.</summary>
public static class RawBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new Open311Exception(413, $"The body is {request.ContentLength:N0} bytes; at most {maxBytes:N0} are accepted.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        return await BoundedRead.ReadAllAsync(
            request.Body, maxBytes, () => new Open311Exception(413, $"The body is larger than {maxBytes:N0} bytes."), cancellationToken);
    }
}
