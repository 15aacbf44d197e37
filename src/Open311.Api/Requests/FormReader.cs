using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Open311.Api.Http;
using Open311.Core.Protocol;

namespace Open311.Api.Requests;

/// <summary>Reads a POST form within fixed bounds: 1 MB of fields, plus the photo allowance for multipart bodies.</summary>
public static class FormReader
{
    public const int MaxFieldBytes = 1024 * 1024;

    public static async Task<IFormCollection> ReadAsync(HttpRequest request, Open311Options options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType && request.ContentLength is 0 or null && request.ContentType is null)
        {
            return FormCollection.Empty; // everything in the query string
        }

        if (!request.HasFormContentType)
        {
            throw Open311Exception.BadRequest("POST a form: Content-Type application/x-www-form-urlencoded, or multipart/form-data with a media file.");
        }

        var multipart = request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        long limit = multipart ? MaxFieldBytes + (long)options.MaxMediaBytes : MaxFieldBytes;
        // The body limit is RequestBody's (413); the form reader's own limits, one above it, never fire first.
        return await RequestBody.ReadAsync(request, limit, () => request.ReadFormAsync(
            new FormOptions
            {
                BufferBodyLengthLimit = limit + 1,
                MultipartBodyLengthLimit = limit + 1,
                ValueCountLimit = Http.ParameterReader.MaxValues,
                ValueLengthLimit = 64 * 1024,
                KeyLengthLimit = 256,
                MultipartHeadersLengthLimit = 16 * 1024,
            },
            cancellationToken));
    }
}
