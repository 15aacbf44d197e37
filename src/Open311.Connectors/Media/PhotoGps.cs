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
    public static PhotoLocation? Read(byte[] image, int position)
    {
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var gps = ImageMetadataReader.ReadMetadata(stream).OfType<GpsDirectory>().FirstOrDefault();
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
