using System.Text;

namespace Open311.Client;

/// <summary>
/// One city's GeoReport v2 endpoint: the <c>…/v2</c> base address, the jurisdiction to name on every call, the key
/// for writes and the answer format (<c>json</c> or <c>xml</c>).
/// </summary>
public sealed record Open311Endpoint
{
    private readonly Uri baseUrl;
    private readonly string format;

    public Open311Endpoint(Uri baseUrl, string? jurisdictionId = null, string? apiKey = null, string format = "json")
    {
        this.baseUrl = Normalise(baseUrl);
        this.format = CheckFormat(format);
        JurisdictionId = jurisdictionId;
        ApiKey = apiKey;
    }

    /// <summary>The base address without a trailing slash, e.g. <c>https://city.example/open311/v2</c>.</summary>
    public Uri BaseUrl
    {
        get => baseUrl;
        init => baseUrl = Normalise(value);
    }

    /// <summary>Sent as <c>jurisdiction_id</c> when set; left out when empty (an empty value broke real servers).</summary>
    public string? JurisdictionId { get; init; }

    /// <summary>Sent as <c>api_key</c> on writes (and on the update feed, as FixMyStreet does); never in messages.</summary>
    public string? ApiKey { get; init; }

    /// <summary><c>json</c> (the default) or <c>xml</c>.</summary>
    public string Format
    {
        get => format;
        init => format = CheckFormat(value);
    }

    /// <summary>
    /// <c>{base}/{path}.{format}?jurisdiction_id=…&amp;…</c>: the jurisdiction first when set, then the pairs given,
    /// escaped; pairs without a value are left out.
    /// </summary>
    public Uri Url(string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var url = new StringBuilder(Address(path));
        var separator = '?';
        foreach (var (name, value) in Parameters(query))
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(url.ToString());
    }

    // Records print every property; the key must not reach logs.
    public override string ToString() =>
        $"Open311Endpoint {{ BaseUrl = {BaseUrl.AbsoluteUri}, JurisdictionId = {JurisdictionId}, Format = {Format} }}";

    /// <summary>The address of a POST: its arguments, the jurisdiction included, travel in the form body.</summary>
    internal Uri BareUrl(string path) => new(Address(path));

    private string Address(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return $"{BaseUrl.AbsoluteUri.TrimEnd('/')}/{path.Trim('/')}.{Format}";
    }

    private IEnumerable<KeyValuePair<string, string>> Parameters(IEnumerable<KeyValuePair<string, string?>>? query)
    {
        if (!string.IsNullOrWhiteSpace(JurisdictionId))
        {
            yield return new("jurisdiction_id", JurisdictionId);
        }

        if (query is null)
        {
            yield break;
        }

        foreach (var (name, value) in query)
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return new(name, value);
            }
        }
    }

    private static Uri Normalise(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The base address must be an absolute http or https URL.", nameof(url));
        }

        return new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    private static string CheckFormat(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var normalised = format.Trim().TrimStart('.').ToLowerInvariant();
        return normalised is "json" or "xml"
            ? normalised
            : throw new ArgumentException("The format must be \"json\" or \"xml\".", nameof(format));
    }
}
