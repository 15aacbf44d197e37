using System.Buffers.Binary;
using System.Text;

namespace Open311.Testing;

/// <summary>
/// Small images built in code: a JPEG whose EXIF carries a camera serial number and a GPS position, as phones write
/// them (TIFF little-endian, IFD0 → Exif IFD and GPS IFD, rationals for degrees/minutes/seconds).
/// </summary>
public static class TestImages
{
    public const string Serial = "SERIAL-4711-CAMERA";

    public static byte[] JpegWithGps(double lat, double lon)
    {
        var tiff = Tiff(lat, lon);
        var exif = new byte[6 + tiff.Length];
        Encoding.ASCII.GetBytes("Exif\0\0").CopyTo(exif, 0);
        tiff.CopyTo(exif, 6);
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8.ToArray(), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xE1, exif);
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xDA, [1, 1, 0, 0, 63, 0]);
        jpeg.Write([0x12, 0x34, 0x56, 0xFF, 0x00, 0x78]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static void Segment(Stream jpeg, byte marker, byte[] payload)
    {
        jpeg.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF)]);
        jpeg.Write(payload);
    }

    /// <summary>IFD0 {Make, ExifIFD→{BodySerialNumber}, GPSInfo→{lat ref, lat, lon ref, lon}}.</summary>
    private static byte[] Tiff(double lat, double lon)
    {
        var b = new byte[512];
        "II"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 8);
        const int ifd0 = 8, exifIfd = 60, gpsIfd = 100, data = 200;
        var make = Encoding.ASCII.GetBytes("TestCam\0");
        var serial = Encoding.ASCII.GetBytes(Serial + "\0");
        Ifd(b, ifd0, [(0x010F, 2, (uint)make.Length, data), (0x8769, 4, 1, exifIfd), (0x8825, 4, 1, gpsIfd)]);
        make.CopyTo(b, data);
        Ifd(b, exifIfd, [(0xA431, 2, (uint)serial.Length, data + 16)]);
        serial.CopyTo(b, data + 16);
        Ifd(b, gpsIfd, [(0x0001, 2, 2, (uint)(lat >= 0 ? 'N' : 'S')), (0x0002, 5, 3, data + 64), (0x0003, 2, 2, (uint)(lon >= 0 ? 'E' : 'W')), (0x0004, 5, 3, data + 88)]);
        Dms(b, data + 64, Math.Abs(lat));
        Dms(b, data + 88, Math.Abs(lon));
        return b;
    }

    private static void Ifd(byte[] b, int at, (ushort Tag, ushort Type, uint Count, uint Value)[] entries)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = at + 2 + (i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(e), entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(e + 2), entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(e + 4), entries[i].Count);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(e + 8), entries[i].Value);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 2 + (entries.Length * 12)), 0);
    }

    /// <summary>Degrees, minutes and seconds as three rationals (seconds in 1/10000).</summary>
    private static void Dms(byte[] b, int at, double value)
    {
        var degrees = (uint)value;
        var minutes = (uint)((value - degrees) * 60);
        var seconds = (uint)Math.Round((((value - degrees) * 60) - minutes) * 60 * 10000);
        uint[] parts = [degrees, 1, minutes, 1, seconds, 10000];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + (i * 4)), parts[i]);
        }
    }
}
