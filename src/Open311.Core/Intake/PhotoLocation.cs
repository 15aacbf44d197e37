namespace Open311.Core.Intake;

/// <summary>A position read from a photo's EXIF GPS (1-based <paramref name="Photo"/>), with its stated error when the camera gave one.</summary>
public sealed record PhotoLocation(double Lat, double Long, int Photo, double? ErrorMeters);
