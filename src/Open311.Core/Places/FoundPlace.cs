namespace Open311.Core.Places;

/// <summary>A place found for a report: the point, how far off it may be, and what it rests on (for the intake record's reason).</summary>
public sealed record FoundPlace(double Lat, double Long, double AccuracyMeters, string Evidence);
