namespace Open311.Client;

/// <summary>Keeps the API key out of everything the client says: URLs lose <c>api_key</c>, texts lose the key itself.</summary>
internal static class Redaction
{
    // Shorter keys would blank out ordinary words and numbers of a message.
    private const int MinKeyLength = 4;

    public static string Url(Uri url)
    {
        var address = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.Split('=', 2)[0].Equals("api_key", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? address : $"{address}?{query}";
    }

    public static string Text(string text, string? apiKey) =>
        apiKey is { Length: >= MinKeyLength } ? text.Replace(apiKey, "(api key)", StringComparison.Ordinal) : text;
}
