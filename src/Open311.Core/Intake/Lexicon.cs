namespace Open311.Core.Intake;

/// <summary>
/// Everyday words for common 311 problems, each mapped to the category word services are matched with. The last
/// resort before triage: a post that says "the street lamp on Elm is dark" finds the streetlight service.
/// </summary>
public static class Lexicon
{
    private static readonly (string Phrase, string Category)[] Entries =
    [
        ("pothole", "pothole"), ("pot hole", "pothole"), ("hole in the road", "pothole"),
        ("streetlight", "streetlight"), ("street light", "streetlight"), ("street lamp", "streetlight"), ("lamp post", "streetlight"),
        ("graffiti", "graffiti"), ("tagging", "graffiti"), ("spray paint", "graffiti"),
        ("trash", "trash"), ("garbage", "trash"), ("rubbish", "trash"), ("recycling", "recycling"), ("bin", "bin"),
        ("dumping", "dumping"), ("dumped", "dumping"), ("fly tipping", "dumping"), ("mattress", "dumping"),
        ("abandoned car", "vehicle"), ("abandoned vehicle", "vehicle"),
        ("sidewalk", "sidewalk"), ("pavement", "sidewalk"),
        ("fallen tree", "tree"), ("tree down", "tree"), ("branch", "branch"),
        ("water leak", "leak"), ("leak", "leak"), ("hydrant", "hydrant"), ("flooding", "flooding"), ("flood", "flooding"),
        ("traffic light", "signal"), ("traffic signal", "signal"),
        ("snow", "snow"), ("ice", "ice"), ("not plowed", "plow"),
        ("playground", "playground"), ("park", "park"),
    ];

    /// <summary>The category words whose phrases occur in the text, in lexicon order.</summary>
    public static IReadOnlyList<string> Categories(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lower = " " + text.ToLowerInvariant() + " ";
        return Entries.Where(e => lower.Contains(" " + e.Phrase, StringComparison.Ordinal)).Select(e => e.Category).Distinct().ToList();
    }
}
