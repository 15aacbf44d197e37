using System.Globalization;

namespace Open311.Core.Places;

/// <summary>What to look up, and where: the box around the jurisdictions the source serves, so the service looks there first.</summary>
/// <param name="Text">The address as the resident wrote it, e.g. "12 Main St".</param>
/// <param name="Locality">The town's name, added to the query where the service wants one ("Riverton").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 when known ("US"), to keep results in the country.</param>
/// <param name="West">The bounding box (WGS84 degrees) results must fall in; null: anywhere.</param>
public sealed record GeocodeQuery(string Text, string? Locality, string? CountryCode, double? West, double? South, double? East, double? North)
{
    /// <summary>The box when all four sides are given and make sense; null otherwise.</summary>
    public (double West, double South, double East, double North)? Box =>
        West is { } west && South is { } south && East is { } east && North is { } north
            && double.IsFinite(west) && double.IsFinite(south) && double.IsFinite(east) && double.IsFinite(north)
            && west < east && south < north
            ? (west, south, east, north)
            : null;

    /// <summary>The free text a search service is sent: the town's name added when the resident left it out.</summary>
    public string FreeText =>
        Locality is { Length: > 0 } locality && !Text.Contains(locality.Trim(), StringComparison.OrdinalIgnoreCase)
            ? $"{Text.Trim()}, {locality.Trim()}"
            : Text.Trim();

    /// <summary>Whether a candidate falls in the box (always, without one): services rank by the box but may answer outside it.</summary>
    public bool Contains(double lat, double lon) =>
        Box is not { } box || (lat >= box.South && lat <= box.North && lon >= box.West && lon <= box.East);

    /// <summary>Degrees as a query string writes them: invariant, at most seven decimals (about 1 cm).</summary>
    public static string Degrees(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
