namespace Open311.Core.Places;

/// <summary>
/// One answer of a geocoder: the point, how sure the service is (0 to 1, mapped from its own scale), how precise the
/// point is in metres, what kind of place it found (<c>house</c>, <c>street</c>, <c>locality</c>, <c>other</c>) and its label.
/// </summary>
public sealed record GeocodeCandidate(double Lat, double Long, double Confidence, double AccuracyMeters, string Kind, string Label);
