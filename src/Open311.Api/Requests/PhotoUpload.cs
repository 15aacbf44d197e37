using Microsoft.AspNetCore.Http;
using Open311.Core.Media;
using Open311.Core.Protocol;

namespace Open311.Api.Requests;

/// <summary>The photo of a multipart POST (<c>media</c> or <c>media[]</c>), checked by its bytes, not its name.</summary>
public sealed record PhotoUpload(byte[] Content, ImageKind Kind)
{
    public static async Task<PhotoUpload?> ReadAsync(IFormCollection form, Open311Options options, CancellationToken cancellationToken)
    {
        var files = form.Files.Where(f => f.Name is "media" or "media[]").ToList();
        if (files.Count == 0)
        {
            return null;
        }

        if (files.Count > 1)
        {
            throw Open311Exception.BadRequest("Send one photo per request (one media file).");
        }

        var file = files[0];
        if (file.Length == 0)
        {
            throw Open311Exception.BadRequest("The media file is empty.");
        }

        if (file.Length > options.MaxMediaBytes)
        {
            throw new Open311Exception(413, $"The photo is {file.Length:N0} bytes; at most {options.MaxMediaBytes:N0} are accepted.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var kind = ImageSniffer.Detect(content.AsSpan(0, Math.Min(content.Length, ImageSniffer.HeaderLength)))
            ?? throw Open311Exception.BadRequest("media must be a JPEG, PNG, GIF or WebP image.");
        return new PhotoUpload(content, kind);
    }
}
