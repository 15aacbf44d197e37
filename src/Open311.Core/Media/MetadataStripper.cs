using System.Buffers.Binary;

namespace Open311.Core.Media;

/// <summary>
/// Removes metadata (Exif, XMP, IPTC, text chunks, comments) from a photo without re-encoding its pixels: photos of
/// residents' homes must not publish the camera serial or the exact GPS position in the public <c>media_url</c> file.
/// The GPS position is read before this runs.
/// </summary>
public static class MetadataStripper
{
    private const byte WebPExifFlag = 0x08;
    private const byte WebPXmpFlag = 0x04;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Returns a copy of <paramref name="image"/> with its metadata removed and every pixel byte unchanged.</summary>
    /// <exception cref="FormatException">The image's structure is broken; the message says how.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not one of the <see cref="ImageSniffer"/> kinds.</exception>
    public static byte[] Strip(ReadOnlySpan<byte> image, ImageKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind == ImageSniffer.Jpeg)
        {
            return StripJpeg(image);
        }

        if (kind == ImageSniffer.Png)
        {
            return StripPng(image);
        }

        if (kind == ImageSniffer.WebP)
        {
            return StripWebP(image);
        }

        if (kind == ImageSniffer.Gif)
        {
            return StripGif(image);
        }

        throw new ArgumentException($"No metadata stripper for {kind.ContentType}.", nameof(kind));
    }

    private static byte[] StripJpeg(ReadOnlySpan<byte> image)
    {
        if (image.Length < 2 || image[0] != 0xFF || image[1] != 0xD8)
        {
            throw new FormatException("JPEG does not start with SOI.");
        }

        using var output = new MemoryStream(image.Length);
        output.Write(image[..2]);
        var position = 2;
        while (true)
        {
            if (position >= image.Length)
            {
                throw new FormatException("JPEG ends before its scan.");
            }

            if (image[position] != 0xFF)
            {
                throw new FormatException($"JPEG has no marker at byte {position}.");
            }

            // Any number of 0xFF fill bytes may precede a marker; leaving them out changes nothing.
            while (position + 1 < image.Length && image[position + 1] == 0xFF)
            {
                position++;
            }

            if (position + 1 >= image.Length)
            {
                throw new FormatException("JPEG ends inside a marker.");
            }

            var marker = image[position + 1];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                // Standalone markers (TEM, RSTn) have no length field.
                output.Write(image.Slice(position, 2));
                position += 2;
                continue;
            }

            if (marker == 0xD9)
            {
                // A tables-only (abbreviated) stream ends without a scan.
                output.Write(image.Slice(position, 2));
                return output.ToArray();
            }

            if (marker is 0x00 or 0xD8)
            {
                throw new FormatException($"JPEG has a stray 0xFF{marker:X2} at byte {position}.");
            }

            if (position + 4 > image.Length)
            {
                throw new FormatException($"JPEG ends inside the length of segment 0xFF{marker:X2}.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image.Slice(position + 2, 2));
            if (length < 2)
            {
                throw new FormatException($"JPEG segment 0xFF{marker:X2} at byte {position} has length {length}.");
            }

            var end = position + 2 + length;
            if (end > image.Length)
            {
                throw new FormatException($"JPEG segment 0xFF{marker:X2} at byte {position} runs past the end.");
            }

            if (marker == 0xDA)
            {
                // From the first scan on everything is copied as is: the pixels are never re-encoded.
                output.Write(image[position..]);
                return output.ToArray();
            }

            if (KeepsJpegSegment(marker, image[(position + 4)..end]))
            {
                output.Write(image[position..end]);
            }

            position = end;
        }
    }

    private static bool KeepsJpegSegment(byte marker, ReadOnlySpan<byte> data) => marker switch
    {
        // APP0 (JFIF) holds only density; APP14 (Adobe) tells the decoder how to convert YCCK or CMYK colours.
        0xE0 or 0xEE => true,

        // An ICC profile is kept so the colours do not shift; any other APP2 use is metadata.
        0xE2 => data.StartsWith("ICC_PROFILE\0"u8),

        // APP1 (Exif, XMP), APP13 (Photoshop IPTC), the other APPn and COM carry camera, author and place data.
        (>= 0xE1 and <= 0xEF) or 0xFE => false,
        _ => true,
    };

    private static byte[] StripPng(ReadOnlySpan<byte> image)
    {
        if (!image.StartsWith(PngSignature))
        {
            throw new FormatException("PNG signature is missing.");
        }

        using var output = new MemoryStream(image.Length);
        output.Write(image[..PngSignature.Length]);
        var position = PngSignature.Length;
        while (true)
        {
            if (position == image.Length)
            {
                throw new FormatException("PNG ends without IEND.");
            }

            if (image.Length - position < 12)
            {
                throw new FormatException($"PNG chunk at byte {position} is truncated.");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(image.Slice(position, 4));
            var type = image.Slice(position + 4, 4);
            foreach (var letter in type)
            {
                if (!char.IsAsciiLetter((char)letter))
                {
                    throw new FormatException($"PNG chunk at byte {position} has no four-letter type.");
                }
            }

            // Length, type, data and CRC; the CRC is copied, not checked.
            var end = position + 12L + length;
            if (end > image.Length)
            {
                throw new FormatException($"PNG chunk at byte {position} runs past the end.");
            }

            if (!IsPngMetadata(type))
            {
                output.Write(image[position..(int)end]);
            }

            if (type.SequenceEqual("IEND"u8))
            {
                // Bytes after IEND are not part of the picture and could carry anything.
                return output.ToArray();
            }

            position = (int)end;
        }
    }

    private static bool IsPngMetadata(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("eXIf"u8)
        || type.SequenceEqual("tEXt"u8)
        || type.SequenceEqual("zTXt"u8)
        || type.SequenceEqual("iTXt"u8)
        || type.SequenceEqual("tIME"u8);

    private static byte[] StripWebP(ReadOnlySpan<byte> image)
    {
        if (image.Length < 12 || !image.StartsWith("RIFF"u8) || !image.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            throw new FormatException("WebP does not start with a RIFF WEBP header.");
        }

        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(image.Slice(4, 4));
        if (riffEnd > image.Length)
        {
            throw new FormatException("WebP RIFF size runs past the end.");
        }

        using var output = new MemoryStream(image.Length);
        output.Write(image[..12]);
        var position = 12;
        while (position < riffEnd)
        {
            if (riffEnd - position < 8)
            {
                throw new FormatException($"WebP chunk header at byte {position} is truncated.");
            }

            var id = image.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(image.Slice(position + 4, 4));
            var dataEnd = position + 8L + size;
            if (dataEnd > riffEnd)
            {
                throw new FormatException($"WebP chunk at byte {position} runs past the end.");
            }

            var chunk = image[position..(int)dataEnd];
            var dropped = id.SequenceEqual("EXIF"u8) || id.SequenceEqual("XMP "u8);
            if (id.SequenceEqual("VP8X"u8))
            {
                if (size < 10)
                {
                    throw new FormatException($"WebP VP8X chunk at byte {position} is shorter than 10 bytes.");
                }

                // Left set, the flags would promise readers EXIF and XMP chunks that are no longer there.
                var extended = chunk.ToArray();
                extended[8] = (byte)(extended[8] & ~(WebPExifFlag | WebPXmpFlag));
                output.Write(extended);
            }
            else if (!dropped)
            {
                output.Write(chunk);
            }

            // RIFF pads odd chunks to an even length; the pad is written as zero even if the input left the last one out.
            if (!dropped && (size & 1) == 1)
            {
                output.WriteByte(0);
            }

            position = (int)Math.Min(dataEnd + (size & 1), riffEnd);
        }

        // Bytes after the RIFF end are not part of the picture and could carry anything.
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4, 4), (uint)(result.Length - 8));
        return result;
    }

    private static byte[] StripGif(ReadOnlySpan<byte> image)
    {
        if (image.Length < 13 || !(image.StartsWith("GIF87a"u8) || image.StartsWith("GIF89a"u8)))
        {
            throw new FormatException("GIF header or logical screen descriptor is missing.");
        }

        var position = 13 + ColourTableLength(image[10]);
        if (position > image.Length)
        {
            throw new FormatException("GIF global colour table runs past the end.");
        }

        using var output = new MemoryStream(image.Length);
        output.Write(image[..position]);
        while (true)
        {
            if (position >= image.Length)
            {
                throw new FormatException("GIF ends without its trailer.");
            }

            var start = position;
            var introducer = image[position];
            if (introducer == 0x3B)
            {
                // Bytes after the trailer are not part of the picture and could carry anything.
                output.WriteByte(0x3B);
                return output.ToArray();
            }

            if (introducer == 0x2C)
            {
                if (image.Length - position < 10)
                {
                    throw new FormatException($"GIF image descriptor at byte {position} is truncated.");
                }

                // Descriptor, optional local colour table, LZW minimum code size, then the image data sub-blocks.
                position += 10 + ColourTableLength(image[position + 9]);
                position = SkipSubBlocks(image, position + 1);
                output.Write(image[start..position]);
            }
            else if (introducer == 0x21)
            {
                if (image.Length - position < 2)
                {
                    throw new FormatException($"GIF extension at byte {position} is truncated.");
                }

                position = SkipSubBlocks(image, position + 2);
                var extension = image[start..position];
                if (!IsGifMetadata(extension))
                {
                    output.Write(extension);
                }
            }
            else
            {
                throw new FormatException($"GIF has an unknown block 0x{introducer:X2} at byte {position}.");
            }
        }
    }

    private static int ColourTableLength(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    // XMP in a GIF is raw text followed by a "magic trailer" built so that this walk still ends on its terminator.
    private static int SkipSubBlocks(ReadOnlySpan<byte> image, int position)
    {
        while (true)
        {
            if (position >= image.Length)
            {
                throw new FormatException("GIF sub-blocks run past the end.");
            }

            var size = image[position];
            position += 1 + size;
            if (size == 0)
            {
                return position;
            }
        }
    }

    private static bool IsGifMetadata(ReadOnlySpan<byte> extension) =>
        extension[1] == 0xFE
        || (extension[1] == 0xFF && extension.Length >= 14 && extension[2] == 11 && extension.Slice(3, 11).SequenceEqual("XMP DataXMP"u8));
}
