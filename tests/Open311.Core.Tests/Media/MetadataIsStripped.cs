using System.Buffers.Binary;
using System.Text;
using Open311.Core.Media;

namespace Open311.Core.Tests.Media;

/// <summary>
/// The images are built here byte by byte: the stripper only walks the container structure, so they need not decode
/// as pictures.
/// </summary>
public sealed class MetadataIsStripped
{
    // PNG chunks are copied verbatim and their CRCs are never checked, so any four bytes will do.
    private static readonly byte[] AnyCrc = [0xC0, 0xFF, 0xEE, 0x42];

    [Fact]
    public void JpegLosesExifXmpAndCommentsButKeepsItsPixelsAndColourProfile()
    {
        byte[] soi = [0xFF, 0xD8];
        byte[] eoi = [0xFF, 0xD9];
        var jfif = JpegSegment(0xE0, [.. Ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        var exif = JpegSegment(0xE1, Ascii("Exif\0\0MM\0*BodySerialNumber SERIAL-12345 GPSLatitude 51.5007N"));
        var xmp = JpegSegment(0xE1, Ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Ann Example</x:xmpmeta>"));
        var comment = JpegSegment(0xFE, Ascii("Taken at 12 Elm Street"));
        var iptc = JpegSegment(0xED, [.. Ascii("Photoshop 3.0\0"), .. Ascii("8BIM City: Riverton")]);
        var icc = JpegSegment(0xE2, [.. Ascii("ICC_PROFILE\0"), 1, 1, .. Ascii("colour profile bytes")]);
        var adobe = JpegSegment(0xEE, [.. Ascii("Adobe"), 0, 100, 0, 0, 0, 0, 1]);
        var quantisation = JpegSegment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        var frame = JpegSegment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        var huffman = JpegSegment(0xC4, [0, 1, .. new byte[15], 0]);
        var scanHeader = JpegSegment(0xDA, [1, 1, 0, 0, 63, 0]);

        // Stuffed 0xFF00, a restart marker and a would-be APP1 inside the scan must all come through untouched.
        byte[] scan = [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0x00, 0xE1, 0x9A];

        // The 0xFF before the quantisation table is a fill byte, which the format allows before any marker.
        byte[] jpeg =
        [
            .. soi, .. jfif, .. exif, .. xmp, .. comment, .. iptc, .. icc, .. adobe,
            0xFF, .. quantisation, .. frame, .. huffman, .. scanHeader, .. scan, .. eoi,
        ];
        byte[] expected = [.. soi, .. jfif, .. icc, .. adobe, .. quantisation, .. frame, .. huffman, .. scanHeader, .. scan, .. eoi];

        var stripped = MetadataStripper.Strip(jpeg, ImageSniffer.Jpeg);

        var text = Latin1(stripped);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SERIAL-12345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GPS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xmpmeta", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Street", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverton", text, StringComparison.Ordinal);
        Assert.Contains(Latin1(jfif), text, StringComparison.Ordinal);
        Assert.Contains(Latin1(icc), text, StringComparison.Ordinal);
        Assert.Contains(Latin1(adobe), text, StringComparison.Ordinal);
        Assert.EndsWith(Latin1([.. scanHeader, .. scan, .. eoi]), text, StringComparison.Ordinal);
        Assert.Equal(soi, stripped[..2]);
        Assert.Equal(eoi, stripped[^2..]);
        Assert.True(stripped.Length < jpeg.Length, "the stripped JPEG is shorter");
        Assert.Equal(expected, stripped);
        Assert.Equal(stripped, MetadataStripper.Strip(stripped, ImageSniffer.Jpeg));
    }

    [Fact]
    public void PngLosesExifAndTextChunksButKeepsItsPixelsAndColourProfileVerbatim()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var header = PngChunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        var exif = PngChunk("eXIf", Ascii("MM\0*SERIAL-12345 GPS"));
        var author = PngChunk("tEXt", Ascii("Author\0Ann"));
        var xmp = PngChunk("iTXt", Ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>Ann Example</x:xmpmeta>"));
        var compressed = PngChunk("zTXt", [.. Ascii("Comment\0"), 0, 0x78, 0x9C, 0x03, 0x00]);
        var time = PngChunk("tIME", [0x07, 0xEA, 11, 27, 12, 0, 0]);
        var profile = PngChunk("iCCP", [.. Ascii("sRGB\0"), 0, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x00]);
        var pixels = PngChunk("IDAT", [0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00]);
        var end = PngChunk("IEND", []);
        byte[] png = [.. signature, .. header, .. exif, .. author, .. profile, .. xmp, .. compressed, .. time, .. pixels, .. end];
        byte[] expected = [.. signature, .. header, .. profile, .. pixels, .. end];

        var stripped = MetadataStripper.Strip(png, ImageSniffer.Png);

        var text = Latin1(stripped);
        Assert.DoesNotContain("eXIf", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tEXt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Author", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SERIAL-12345", text, StringComparison.Ordinal);
        Assert.Contains(Latin1(header), text, StringComparison.Ordinal);
        Assert.Contains(Latin1(profile), text, StringComparison.Ordinal);
        Assert.Contains(Latin1(pixels), text, StringComparison.Ordinal);
        Assert.EndsWith(Latin1(end), text, StringComparison.Ordinal);
        Assert.Equal(expected, stripped);
        Assert.Equal(stripped, MetadataStripper.Strip(stripped, ImageSniffer.Png));
    }

    [Fact]
    public void WebPLosesExifAndXmpChunksAndTheFlagsThatAnnouncedThem()
    {
        // VP8X flags: alpha (0x10) stays; EXIF (0x08) and XMP (0x04) go with their chunks.
        var extended = RiffChunk("VP8X", [0x10 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var exif = RiffChunk("EXIF", Ascii("MM\0*SERIAL-12345 GPS"));

        // 27 bytes, so it is followed by a pad byte the stripper has to step over.
        var xmp = RiffChunk("XMP ", Ascii("<x:xmpmeta>Anne</x:xmpmeta>"));

        // 13 bytes: a kept odd chunk keeps its pad byte.
        var pixels = RiffChunk("VP8L", [0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07]);
        var webp = WebP(extended, xmp, exif, pixels);

        var stripped = MetadataStripper.Strip(webp, ImageSniffer.WebP);

        var text = Latin1(stripped);
        Assert.DoesNotContain("EXIF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("XMP ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SERIAL-12345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anne", text, StringComparison.Ordinal);
        Assert.Equal("VP8X", Latin1(stripped[12..16]));
        Assert.Equal((byte)0x10, stripped[20]);
        Assert.Equal((uint)(stripped.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(stripped.AsSpan(4, 4)));
        var expected = WebP(RiffChunk("VP8X", [0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]), pixels);
        Assert.Equal(expected, stripped);
        Assert.Equal(stripped, MetadataStripper.Strip(stripped, ImageSniffer.WebP));
    }

    [Fact]
    public void GifLosesCommentsAndXmpButKeepsLoopingAndItsFrame()
    {
        byte[] header = [.. Ascii("GIF89a"), 1, 0, 1, 0, 0x00, 0, 0];
        byte[] comment = [0x21, 0xFE, 22, .. Ascii("Taken at 12 Elm Street"), 0];
        byte[] looping = [0x21, 0xFF, 11, .. Ascii("NETSCAPE2.0"), 3, 1, 0, 0, 0];
        byte[] xmp = [0x21, 0xFF, 11, .. Ascii("XMP DataXMP"), .. Ascii("<x:xmpmeta>Ann Example</x:xmpmeta>"), .. XmpMagicTrailer()];
        byte[] timing = [0x21, 0xF9, 4, 0, 10, 0, 0, 0];
        byte[] frame = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0x00, 2, 2, 0x4C, 0x01, 0];
        byte[] trailer = [0x3B];
        byte[] gif = [.. header, .. comment, .. looping, .. xmp, .. timing, .. frame, .. trailer];
        byte[] expected = [.. header, .. looping, .. timing, .. frame, .. trailer];

        var stripped = MetadataStripper.Strip(gif, ImageSniffer.Gif);

        var text = Latin1(stripped);
        Assert.DoesNotContain("Elm Street", text, StringComparison.Ordinal);
        Assert.DoesNotContain("XMP DataXMP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xmpmeta", text, StringComparison.Ordinal);
        Assert.Contains(Latin1(looping), text, StringComparison.Ordinal);
        Assert.Contains(Latin1(frame), text, StringComparison.Ordinal);
        Assert.Equal(expected, stripped);
        Assert.Equal(stripped, MetadataStripper.Strip(stripped, ImageSniffer.Gif));
    }

    [Fact]
    public void JpegWhoseSegmentRunsPastTheEndIsRefused()
    {
        // The APP1 segment says 0x0100 bytes but the file ends after a few.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x01, 0x00, .. Ascii("Exif\0\0")];

        Assert.Throws<FormatException>(() => MetadataStripper.Strip(jpeg, ImageSniffer.Jpeg));
    }

    [Fact]
    public void JpegWithoutStartOfImageIsRefused()
    {
        byte[] jpeg = [0xFF, 0xE0, 0x00, 0x02, 0xFF, 0xD9];

        Assert.Throws<FormatException>(() => MetadataStripper.Strip(jpeg, ImageSniffer.Jpeg));
    }

    [Fact]
    public void PngWithABadSignatureIsRefused()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00, .. PngChunk("IEND", [])];

        Assert.Throws<FormatException>(() => MetadataStripper.Strip(png, ImageSniffer.Png));
    }

    [Fact]
    public void PngWithoutIendIsRefused()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. PngChunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])];

        Assert.Throws<FormatException>(() => MetadataStripper.Strip(png, ImageSniffer.Png));
    }

    [Fact]
    public void WebPWhoseChunkRunsPastTheRiffIsRefused()
    {
        byte[] chunk = [.. Ascii("VP8L"), 0xFF, 0, 0, 0, 0x2F];
        var webp = WebP(chunk);

        Assert.Throws<FormatException>(() => MetadataStripper.Strip(webp, ImageSniffer.WebP));
    }

    [Fact]
    public void GifWithoutItsTrailerIsRefused()
    {
        byte[] gif = [.. Ascii("GIF89a"), 1, 0, 1, 0, 0x00, 0, 0, 0x21, 0xFE, 5, .. Ascii("Ann")];

        Assert.Throws<FormatException>(() => MetadataStripper.Strip(gif, ImageSniffer.Gif));
    }

    [Fact]
    public void AnImageKindWithoutAStripperIsAnArgumentError()
    {
        byte[] bitmap = [.. Ascii("BM")];

        Assert.Throws<ArgumentException>(() => MetadataStripper.Strip(bitmap, new ImageKind("image/bmp", "bmp")));
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    // Latin-1 maps each byte to one char, so byte sequences can be searched as text.
    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static byte[] JpegSegment(byte marker, byte[] data) =>
        [0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2), .. data];

    private static byte[] PngChunk(string type, byte[] data) =>
        [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. Ascii(type), .. data, .. AnyCrc];

    // An odd-sized chunk is followed by one zero pad byte.
    private static byte[] RiffChunk(string id, byte[] data) =>
        [.. Ascii(id), .. LittleEndian(data.Length), .. data, .. new byte[data.Length % 2]];

    private static byte[] WebP(params byte[][] chunks)
    {
        byte[] body = [.. Ascii("WEBP"), .. chunks.SelectMany(c => c)];
        return [.. Ascii("RIFF"), .. LittleEndian(body.Length), .. body];
    }

    private static byte[] LittleEndian(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    // Lets a reader that treats the raw XMP text as sub-block sizes land on the terminator (XMP spec, part 3).
    private static byte[] XmpMagicTrailer() => [0x01, .. Enumerable.Range(0, 256).Select(i => (byte)(0xFF - i)), 0x00];
}
