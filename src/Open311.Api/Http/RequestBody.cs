using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>
/// Reads request bodies within a limit, in both hosts alike: the limit is enforced on the stream itself (the
/// Functions host and TestServer have no Kestrel body limit), and what can go wrong while reading becomes an
/// Open311 error here — 413 over the limit, 400 for a malformed or truncated body — not by sniffing messages later.
/// </summary>
public static class RequestBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, long maxBytes, Func<Task<T>> read)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new Open311Exception(413, $"The body is {request.ContentLength:N0} bytes; at most {maxBytes:N0} are accepted.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        request.Body = new LimitedStream(request.Body, maxBytes, () => new Open311Exception(413, $"The body is larger than {maxBytes:N0} bytes."));
        try
        {
            return await read();
        }
        catch (InvalidDataException ex)
        {
            throw Open311Exception.BadRequest($"The body could not be read: {ex.Message}");
        }
        catch (IOException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException(request.HttpContext.RequestAborted);
        }
        catch (IOException)
        {
            throw Open311Exception.BadRequest("The request body ended early or could not be read.");
        }
    }
}
