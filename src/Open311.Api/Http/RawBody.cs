using Microsoft.AspNetCore.Http;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>Reads a request body as bytes, bounded: signatures are computed over exactly these bytes.</summary>
public static class RawBody
{
    public static Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        RequestBody.ReadAsync(request, maxBytes, () => BoundedRead.ReadAllAsync(
            request.Body, maxBytes, () => new Open311Exception(413, $"The body is larger than {maxBytes:N0} bytes."), cancellationToken));
}
