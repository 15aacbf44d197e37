using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace Open311.Core.Jurisdictions.Documents;

/// <summary>Reads a GeoJSON boundary, repairing self-intersecting rings where that leaves an area.</summary>
public static class BoundaryReader
{
    public const int MaxVertices = 200_000;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static Geometry? Read(JsonElement json, List<string> errors)
    {
        Geometry? geometry;
        try
        {
            geometry = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString() switch
                {
                    "Feature" => json.Deserialize<IFeature>(GeoJson)?.Geometry,
                    "FeatureCollection" => Union(json.Deserialize<FeatureCollection>(GeoJson)),
                    _ => json.Deserialize<Geometry>(GeoJson),
                }
                : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
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

    private static Geometry? Union(FeatureCollection? features) =>
        features is null || features.Count == 0
            ? null
            : NetTopologySuite.Operation.Union.UnaryUnionOp.Union(features.Select(f => f.Geometry).ToArray());
}
