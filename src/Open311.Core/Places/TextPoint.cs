namespace Open311.Core.Places;

/// <summary>
/// A point read from a report's text. <see cref="Evidence"/> names what was read, for the intake record;
/// <see cref="Ambiguous"/> marks one of the two readings of a bare pair that could be either way round, so the caller
/// keeps the reading that falls inside the source's jurisdictions.
/// </summary>
public sealed record TextPoint(double Lat, double Long, double AccuracyMeters, string Evidence, bool Ambiguous);
