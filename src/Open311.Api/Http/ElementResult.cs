using Microsoft.AspNetCore.Http;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>Writes a GeoReport document in the requested format, with the headers every Open311 answer carries.</summary>
public sealed class ElementResult(Element document, ResponseFormat format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public int StatusCode => statusCode;

    public TimeSpan? RetryAfter { get; init; }

    public string? ETag { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // Buffered: XmlWriter and Utf8JsonWriter write synchronously, which Kestrel refuses on the response stream.
        using var buffer = new MemoryStream();
        if (format == ResponseFormat.Json)
        {
            SparkJsonWriter.Write(document, buffer);
        }
        else
        {
            XmlElementWriter.Write(document, buffer);
        }

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ResponseFormats.ContentType(format);
        response.ContentLength = buffer.Length;
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}
