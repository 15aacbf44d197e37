using System.Text.Json;
using System.Text.RegularExpressions;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// The useful detail of real posts sits in survey text fields ("Detailed description", "Nearest landmark") — and so do
/// phone numbers and names. Labelled text fields go into the request's description; personal ones (by their label)
/// and fields without a label only onto the intake record, for staff. The first public field whose label says it holds
/// a place ("Location name", "Address of the problem", "Nearest landmark") is also the report's address text, which
/// place-finding reads first.
/// </summary>
public static partial class UshahidiTextFields
{
    public const int MaxFieldLength = 2000;

    private static readonly HashSet<string> NotText = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "description", "point", "location", "media", "upload", "tags", "relation", "geometry", "video",
    };

    /// <summary>v5: <c>post_content[].fields[]</c> carry their own labels.</summary>
    public static (List<string> Public, List<string> Private, string? Place) FromV5(JsonElement content, UshahidiSettings settings)
    {
        var (open, personal) = (new List<string>(), new List<string>());
        string? place = null;
        foreach (var field in content.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
            .SelectMany(t => t.GetProperty("fields").EnumerateArray()).Where(f => f.ValueKind == JsonValueKind.Object))
        {
            var key = Scalar(field, "key");
            if (NotText.Contains(Scalar(field, "type") ?? string.Empty) || NotText.Contains(Scalar(field, "input") ?? string.Empty) || key == settings.LocationKey || key == settings.MediaKey)
            {
                continue;
            }

            if (field.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var inner))
            {
                Add(Scalar(field, "label"), Texts(inner), open, personal, ref place);
            }
        }

        return (open, personal, place);
    }

    /// <summary>v3 and webhooks: <c>values</c> keyed by field key; labels from the survey's attributes when they could be read.</summary>
    public static (List<string> Public, List<string> Private, string? Place) FromV3(JsonElement values, UshahidiSettings settings, IReadOnlyDictionary<string, UshahidiField>? fields)
    {
        var (open, personal) = (new List<string>(), new List<string>());
        string? place = null;
        foreach (var value in values.EnumerateObject().Where(v => v.Name != settings.LocationKey && v.Name != settings.MediaKey))
        {
            var field = fields?.GetValueOrDefault(value.Name);
            if (field is not null && (NotText.Contains(field.Type ?? string.Empty) || NotText.Contains(field.Input ?? string.Empty)))
            {
                continue;
            }

            // Without its survey's labels a field cannot be judged: it stays with staff.
            var texts = Texts(value.Value);
            if (field?.Label is null)
            {
                personal.AddRange(texts.Select(t => $"{value.Name}: {t}"));
                continue;
            }

            Add(field.Label, texts, open, personal, ref place);
        }

        return (open, personal, place);
    }

    private static void Add(string? label, List<string> texts, List<string> open, List<string> personal, ref string? place)
    {
        if (texts.Count == 0)
        {
            return;
        }

        var line = $"{label ?? "(unlabelled)"}: {string.Join("; ", texts)}";
        // "Location name" is where the problem is, not a person's name; "Home address" is where the reporter lives.
        var isPlace = label is not null && PlaceLabel().IsMatch(label) && !ReportersPlace().IsMatch(label);
        var isPublic = label is not null && (isPlace || !Personal().IsMatch(label));
        (isPublic ? open : personal).Add(line);
        if (isPlace && place is null)
        {
            place = texts[0];
        }
    }

    /// <summary>Strings and numbers only: points, media ids in arrays of objects and the like are not text.</summary>
    private static List<string> Texts(JsonElement value) =>
        (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
            .Where(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0)
            .Select(v => v.GetString()!.Trim())
            .Select(t => t.Length > MaxFieldLength ? t[..MaxFieldLength] + "…" : t)
            .ToList();

    private static string? Scalar(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"location|address|where|landmark|place|street|road|intersection|corner|area|neighbou?rhood|village|town|site", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceLabel();

    [GeneratedRegex(@"home|your|contact|mailing|postal|billing|e-?mail", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportersPlace();

    [GeneratedRegex(@"phone|mobile|cell|\btel\b|telephone|e-?mail|contact|\bname\b|surname|whatsapp|viber|telegram|signal|passport|id number|date of birth|birthday|\bage\b|home address|your address", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Personal();
}
