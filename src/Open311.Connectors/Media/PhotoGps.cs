using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Open311.Core.Intake;

namespace Open311.Connectors.Media;

/// <summary>
/// The position a camera wrote into a photo (EXIF GPS, read with MetadataExtractor): mailed photos usually keep it,
/// social platforms strip it. Read before the stored copy loses its metadata. A zero or impossible position is none.
/// </summary>
public static class PhotoGps
{
    /// <summary>The most read of a photo that is not a JPEG (its metadata may sit anywhere in it).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static PhotoLocation? Read(byte[] image, int position) => ReadHead(new MemoryStream(image, writable: false), position);

    /// <summary>
    /// Reads (and, for an e-mail part, decodes) as little as it can: a JPEG's segments up to its first scan — where
    /// EXIF lives — and none of its pixels; other formats whole.
    /// </summary>
    public static PhotoLocation? Read(Stream image, int position)
    {
        using (image)
        {
            var head = new MemoryStream();
            var start = new byte[2];
            if (image.ReadAtLeast(start, 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            head.Write(start);
            if (start[0] == 0xFF && start[1] == 0xD8)
            {
                CopySegments(image, head);
            }
            else
            {
                CopyBounded(image, head);
            }

            head.Position = 0;
            return ReadHead(head, position);
        }
    }

    /// <summary>Marker segments (FF xx, a big-endian length, the payload) until start-of-scan, then an end-of-image.</summary>
    private static void CopySegments(Stream image, MemoryStream head)
    {
        var marker = new byte[4];
        while (image.ReadAtLeast(marker, 4, throwOnEndOfStream: false) == 4 && marker[0] == 0xFF && marker[1] is not (0xDA or 0xD9))
        {
            var length = (marker[2] << 8) | marker[3];
            var payload = new byte[Math.Max(0, length - 2)];
            if (image.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false) < payload.Length)
            {
                break;
            }

            head.Write(marker);
            head.Write(payload);
        }

        head.Write([0xFF, 0xD9]);
    }

    /// <summary>Only the EXIF reader for a JPEG (its GPS is all we want); every reader for the other formats.</summary>
    private static IEnumerable<MetadataExtractor.Directory> Directories(MemoryStream stream)
    {
        var jpeg = stream.ReadByte() == 0xFF && stream.ReadByte() == 0xD8;
        stream.Position = 0;
        return jpeg
            ? MetadataExtractor.Formats.Jpeg.JpegMetadataReader.ReadMetadata(stream, [new ExifReader()])
            : ImageMetadataReader.ReadMetadata(stream);
    }

    private static void CopyBounded(Stream image, MemoryStream head)
    {
        var buffer = new byte[81920];
        int read;
        while (head.Length < MaxBytes && (read = image.Read(buffer, 0, buffer.Length)) > 0)
        {
            head.Write(buffer, 0, read);
        }
    }

    private static PhotoLocation? ReadHead(MemoryStream stream, int position)
    {
        try
        {
            var gps = Directories(stream).OfType<GpsDirectory>().FirstOrDefault();
            if (gps?.GetGeoLocation() is not { IsZero: false } place || Math.Abs(place.Latitude) > 90 || Math.Abs(place.Longitude) > 180
                || double.IsNaN(place.Latitude) || double.IsNaN(place.Longitude))
            {
                return null;
            }

            double? error = gps.TryGetRational(GpsDirectory.TagHPositioningError, out var meters) && meters.Denominator != 0 ? meters.ToDouble() : null;
            return new PhotoLocation(place.Latitude, place.Longitude, position, error);
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or MetadataException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
