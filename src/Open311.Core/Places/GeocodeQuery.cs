namespace Open311.Core.Places;

/// <summary>What to look up, and where: the box around the jurisdictions the source serves, so the service looks there first.</summary>
/// <param name="Text">The address as the resident wrote it, e.g. "12 Main St".</param>
/// <param name="Locality">The town's name, added to the query where the service wants one ("Riverton").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 when known ("US"), to keep results in the country.</param>
/// <param name="West">The bounding box (WGS84 degrees) results must fall in; null: anywhere.</param>
public sealed record GeocodeQuery(string Text, string? Locality, string? CountryCode, double? West, double? South, double? East, double? North);
