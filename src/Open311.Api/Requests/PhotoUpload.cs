using Microsoft.AspNetCore.Http;
using Open311.Core.Media;
using Open311.Core.Protocol;

namespace Open311.Api.Requests;

/// <summary>
/// The photos of a multipart POST — <c>media</c>, <c>media[]</c>, or FixMyStreet's <c>photo1…N</c> — each checked by
/// its bytes, not its name. None is dropped: the first becomes <c>media_url</c>, the others are listed in a note.
/// </summary>
public sealed record PhotoUpload(byte[] Content, ImageKind Kind)
{
    public const int MaxPhotos = 5;

    public static async Task<IReadOnlyList<PhotoUpload>> ReadAllAsync(IFormCollection form, Open311Options options, CancellationToken cancellationToken)
    {
        var files = form.Files.Where(f => f.Name is "media" or "media[]" || IsNumbered(f.Name, "photo")).ToList();
        if (files.Count > MaxPhotos)
        {
            throw Open311Exception.BadRequest($"Send at most {MaxPhotos} photos per request.");
        }

        var photos = new List<PhotoUpload>();
        foreach (var file in files)
        {
            photos.Add(await ReadAsync(file, options, cancellationToken));
        }

        return photos;
    }

    private static bool IsNumbered(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && name[prefix.Length..].All(char.IsAsciiDigit);

    private static async Task<PhotoUpload> ReadAsync(IFormFile file, Open311Options options, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            throw Open311Exception.BadRequest($"The file '{InputText.Quote(file.Name)}' is empty.");
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
            ?? throw Open311Exception.BadRequest($"{InputText.Quote(file.Name)} must be a JPEG, PNG, GIF or WebP image.");
        return new PhotoUpload(content, kind);
    }
}
