using Open311.Core.Services;

namespace Open311.Core.Routing;

/// <summary>
/// How well a service answers a category word ("pothole", "#graffiti", "Streets"): its code, then its keywords,
/// its name, its group. Zero means no match. Case and a leading # are ignored.
/// </summary>
public static class ServiceMatcher
{
    public static int Score(Service service, string category)
    {
        var word = Normalize(category);
        if (word.Length == 0)
        {
            return 0;
        }

        if (Normalize(service.Code) == word)
        {
            return 100;
        }

        if (service.Keywords.Any(k => Normalize(k) == word))
        {
            return 80;
        }

        if (Normalize(service.Name) == word)
        {
            return 70;
        }

        if (Words(service.Name).Contains(word) || service.Keywords.Any(k => Words(k).Contains(word)))
        {
            return 50;
        }

        return service.Group is { } g && Normalize(g) == word ? 30 : 0;
    }

    /// <summary>The best-matching service of a list, or null when none matches.</summary>
    public static Service? Best(IEnumerable<Service> services, string category) =>
        services.Select(s => (Service: s, Score: Score(s, category))).Where(x => x.Score > 0).OrderByDescending(x => x.Score).Select(x => x.Service).FirstOrDefault();

    private static string Normalize(string text) => text.Trim().TrimStart('#').Replace('_', ' ').Replace('-', ' ').ToLowerInvariant();

    private static HashSet<string> Words(string text) =>
        [.. Normalize(text).Split([' ', ',', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries)];
}
