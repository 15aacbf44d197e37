using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace Open311.Core.Jurisdictions.Documents;

/// <summary>
/// Reads a GeoJSON boundary the way real boundary files need: rings left unclosed are closed, areas across the
/// antimeridian are unwrapped, and invalid rings (self-intersections, quantisation artefacts) are repaired — or
/// refused with the reason when no area is left.
/// </summary>
public static class BoundaryReader
{
    public const int MaxVertices = 200_000;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static Geometry? Read(JsonElement json, List<string> errors)
    {
        var geometryNode = JsonNode.Parse(json.GetRawText()) is JsonObject obj ? TypeOf(obj) == "Feature" ? obj["geometry"] as JsonObject : obj : null;
        if (geometryNode is null || TypeOf(geometryNode) is not ("Polygon" or "MultiPolygon"))
        {
            errors.Add("boundary must be a GeoJSON Polygon or MultiPolygon (or a Feature holding one).");
            return null;
        }

        Geometry? geometry;
        try
        {
            CloseRings(geometryNode);
            geometry = geometryNode.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            errors.Add($"boundary is not valid GeoJSON: {ex.Message.Split(" Path:", 2)[0]}");
            return null;
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            errors.Add("boundary must be a GeoJSON Polygon or MultiPolygon (or a Feature holding one).");
            return null;
        }

        if (geometry.NumPoints > MaxVertices)
        {
            errors.Add($"boundary has {geometry.NumPoints:N0} vertices; at most {MaxVertices:N0} are accepted. Simplify it first.");
            return null;
        }

        if (geometry.Coordinates.Any(c => double.IsNaN(c.X) || double.IsNaN(c.Y) || Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90))
        {
            errors.Add("boundary coordinates must be [longitude, latitude] within [-180, 180] and [-90, 90].");
            return null;
        }

        geometry = Antimeridian.Unwrap(geometry);
        if (!geometry.IsValid)
        {
            geometry = GeometryFixer.Fix(geometry);
            if (geometry.IsEmpty || geometry.Area <= 0 || geometry is not (Polygon or MultiPolygon))
            {
                errors.Add("boundary is not a valid area and could not be repaired (check ring order and self-intersections).");
                return null;
            }
        }

        geometry.SRID = 4326;
        return geometry;
    }

    private static string? TypeOf(JsonObject obj) => obj["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;

    /// <summary>Real files (us-atlas's Illinois) leave rings open; the GeoJSON reader refuses those, PostGIS does not.</summary>
    private static void CloseRings(JsonObject geometry)
    {
        var polygons = TypeOf(geometry) == "Polygon"
            ? [geometry["coordinates"]]
            : (geometry["coordinates"] as JsonArray ?? []).ToArray();
        foreach (var rings in polygons.OfType<JsonArray>())
        {
            foreach (var ring in rings.OfType<JsonArray>())
            {
                if (ring.Count >= 3 && !JsonNode.DeepEquals(ring[0], ring[^1]))
                {
                    ring.Add(ring[0]!.DeepClone());
                }
            }
        }
    }
}
