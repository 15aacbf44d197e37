using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;

namespace Open311.Core.Places;

/// <summary>
/// Reads a town's published address points as OpenAddresses publishes them: CSV with the header
/// <c>LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH</c> (columns found by name, any case, any
/// order; extra columns ignored), or GeoJSON — a FeatureCollection, or one Feature per line as OpenAddresses' own
/// downloads are — whose Point features carry <c>number</c>, <c>street</c>, <c>unit</c>, <c>postcode</c>. Rows stream
/// one at a time; nothing here decides whether a row is usable.
/// </summary>
public static class AddressFile
{
    public static IAsyncEnumerable<AddressRow> ReadAsync(Stream body, string? contentType, CancellationToken cancellationToken) =>
        contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true ? ReadCsvAsync(body, cancellationToken) : ReadGeoJsonAsync(body, cancellationToken);

    private static async IAsyncEnumerable<AddressRow> ReadCsvAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, TrimWhitespace = true, AllowLineBreaksInQuotes = true, SkipEmptyLines = true, MaxRecordSize = 64 * 1024, TrackLineNumbers = true };
        await using var csv = CsvReader.Create(body, options, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken);
        var columns = csv.Headers.Select((name, i) => (Name: name.Trim().ToUpperInvariant(), Index: i)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        if (!columns.ContainsKey("LON") || !columns.ContainsKey("LAT") || !columns.ContainsKey("STREET"))
        {
            throw new FormatException("The CSV has no LON, LAT and STREET columns: it must start with an OpenAddresses header (LON,LAT,NUMBER,STREET,UNIT,CITY,POSTCODE …).");
        }

        while (await csv.ReadAsync(cancellationToken))
        {
            // The line the record starts on, as a person opening the file counts (the header is line 1).
            var row = (int)csv.LineNumber;
            string? Field(string name) => columns.TryGetValue(name, out var i) && i < csv.FieldCount ? Text(csv.GetStringOrNull(i)) : null;
            yield return new AddressRow(row, Number(Field("LON")), Number(Field("LAT")), Field("NUMBER"), Field("STREET"), Field("UNIT"), Field("POSTCODE"));
        }
    }

    private static async IAsyncEnumerable<AddressRow> ReadGeoJsonAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var first = FirstCharacter(buffer);
        if (first != '{')
        {
            throw new FormatException("The body is neither CSV (send Content-Type: text/csv) nor GeoJSON.");
        }

        using (var whole = TryParse(buffer))
        {
            if (whole?.RootElement.TryGetProperty("type", out var type) == true && type.ValueKind == JsonValueKind.String && type.GetString() == "FeatureCollection")
            {
                if (!whole.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException("The FeatureCollection has no features list.");
                }

                var index = 0;
                foreach (var feature in features.EnumerateArray())
                {
                    index++;
                    yield return FromFeature(index, feature);
                }

                yield break;
            }
        }

        // One feature per line (OpenAddresses' own .geojson files).
        buffer.Position = 0;
        using var lines = new StreamReader(buffer);
        var row = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument? feature;
            try
            {
                feature = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                feature = null;
            }

            using (feature)
            {
                yield return feature is null ? new AddressRow(row, null, null, null, null, null, null) : FromFeature(row, feature.RootElement);
            }
        }
    }

    private static AddressRow FromFeature(int row, JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            return new AddressRow(row, null, null, null, null, null, null);
        }

        double? lon = null;
        double? lat = null;
        if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
            && geometry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Point"
            && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array && coordinates.GetArrayLength() >= 2
            && coordinates[0].ValueKind == JsonValueKind.Number && coordinates[1].ValueKind == JsonValueKind.Number)
        {
            lon = coordinates[0].GetDouble();
            lat = coordinates[1].GetDouble();
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return new AddressRow(row, lon, lat, Property(properties, "number"), Property(properties, "street"), Property(properties, "unit"), Property(properties, "postcode"));
    }

    private static string? Property(JsonElement properties, string name)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (property.NameEquals(name) || property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => Text(property.Value.GetString()),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    private static JsonDocument? TryParse(MemoryStream buffer)
    {
        try
        {
            return JsonDocument.Parse(buffer, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int FirstCharacter(Stream stream)
    {
        int c;
        do
        {
            c = stream.ReadByte();
        }
        while (c is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        stream.Position = 0;
        return c;
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
