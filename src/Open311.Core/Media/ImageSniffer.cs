namespace Open311.Core.Media;

/// <summary>
/// Recognises an image by its first bytes, never by its file name or declared type: a photo upload that is
/// really HTML or a script is refused.
/// </summary>
public static class ImageSniffer
{
    public const int HeaderLength = 12;

    public static readonly ImageKind Jpeg = new("image/jpeg", "jpg");
    public static readonly ImageKind Png = new("image/png", "png");
    public static readonly ImageKind Gif = new("image/gif", "gif");
    public static readonly ImageKind WebP = new("image/webp", "webp");

    public static ImageKind? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        return header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }

    public static ImageKind? FromExtension(string extension) =>
        new[] { Jpeg, Png, Gif, WebP }.FirstOrDefault(k => k.Extension == extension);
}
