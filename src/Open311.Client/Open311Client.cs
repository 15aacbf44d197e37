namespace Open311.Client;

/// <summary>
/// A GeoReport v2 client for one or many cities, with the mySociety <c>servicerequestupdates</c> extension. Reads are
/// retried on transient failures; writes only when the city certainly did not take them. Answers are bounded in
/// size and read from XML or JSON in the shapes real servers send.
/// </summary>
public sealed partial class Open311Client
{
    private readonly HttpClient http;
    private readonly Open311ClientOptions options;
    private readonly int maxAttempts;

    /// <param name="http">Used as given: the caller owns it and its handler (proxies, address guards, TLS).</param>
    /// <param name="options">Retries, limits and timeouts; the defaults when null.</param>
    public Open311Client(HttpClient http, Open311ClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        this.http = http;
        this.options = options ?? new Open311ClientOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.options.MaxResponseBytes, nameof(options));
        if (this.options.Timeout <= TimeSpan.Zero && this.options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The timeout must be positive or infinite.");
        }

        maxAttempts = Math.Max(1, this.options.MaxAttempts);
    }

    /// <summary>
    /// GET the city's discovery document (<c>…/discovery.json</c> or <c>.xml</c>, the format taken from the address);
    /// <see cref="RemoteDiscovery.GeoReportV2"/> then picks the endpoint and a format it offers.
    /// </summary>
    public async Task<RemoteDiscovery> GetDiscoveryAsync(Uri discoveryUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(discoveryUrl);
        var format = discoveryUrl.AbsolutePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json";
        var endpoint = new Open311Endpoint(new Uri(discoveryUrl, "."), format: format);
        var answer = await SendAsync(endpoint, HttpMethod.Get, discoveryUrl, null, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Get, discoveryUrl, answer, Answers.ParseDiscovery);
    }

    /// <summary>GET <c>services</c>: the city's service list. Services without a code are left out.</summary>
    public async Task<IReadOnlyList<RemoteService>> GetServicesAsync(Open311Endpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = endpoint.Url("services");
        var answer = await SendAsync(endpoint, HttpMethod.Get, url, null, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Get, url, answer, Answers.ParseServices);
    }

    /// <summary>GET <c>services/{code}</c>: a service's attributes.</summary>
    public async Task<RemoteServiceDefinition> GetServiceDefinitionAsync(Open311Endpoint endpoint, string serviceCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceCode);
        var code = serviceCode.Trim();
        var url = endpoint.Url("services/" + Uri.EscapeDataString(code));
        var answer = await SendAsync(endpoint, HttpMethod.Get, url, null, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Get, url, answer, (a, format) => Answers.ParseServiceDefinition(a, format, code));
    }

    /// <summary>
    /// POST <c>requests</c>. Repeated only when the city certainly did not take it (connection refused, unknown host,
    /// 429, 503 with Retry-After); a timeout or another 5xx throws a transient error without repeating, because the
    /// city may have filed it: reconcile before posting again.
    /// </summary>
    public async Task<PostOutcome> PostRequestAsync(Open311Endpoint endpoint, NewServiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var form = FormBody.Build(endpoint, request);
        var url = endpoint.BareUrl("requests");
        var answer = await SendAsync(endpoint, HttpMethod.Post, url, form, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Post, url, answer, Answers.ParsePostOutcome);
    }

    /// <summary>GET <c>tokens/{token}</c>: the id a batch service assigned; null while it has not (or does not know the token yet).</summary>
    public async Task<string?> GetRequestIdFromTokenAsync(Open311Endpoint endpoint, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var url = endpoint.Url("tokens/" + Uri.EscapeDataString(token.Trim()));
        var answer = await SendAsync(endpoint, HttpMethod.Get, url, null, notFoundIsAnswer: true, cancellationToken);
        return answer.StatusCode == 404 ? null : Parse(endpoint, HttpMethod.Get, url, answer, Answers.ParseRequestId);
    }

    /// <summary>GET <c>requests</c> with the search's filters. Entries without an id are left out.</summary>
    public async Task<IReadOnlyList<RemoteServiceRequest>> GetRequestsAsync(Open311Endpoint endpoint, RequestSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(search);
        var url = endpoint.Url("requests", search.ToQuery());
        var answer = await SendAsync(endpoint, HttpMethod.Get, url, null, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Get, url, answer, Answers.ParseRequests);
    }

    /// <summary>GET <c>requests/{id}</c>; null when the city does not know the id.</summary>
    public async Task<RemoteServiceRequest?> GetRequestAsync(Open311Endpoint endpoint, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var wanted = id.Trim();
        var url = endpoint.Url("requests/" + Uri.EscapeDataString(wanted));
        var answer = await SendAsync(endpoint, HttpMethod.Get, url, null, notFoundIsAnswer: true, cancellationToken);
        if (answer.StatusCode == 404)
        {
            return null;
        }

        var requests = Parse(endpoint, HttpMethod.Get, url, answer, Answers.ParseRequests);
        return requests.FirstOrDefault(r => r.Id == wanted) ?? requests.FirstOrDefault();
    }

    /// <summary>
    /// GET <c>servicerequestupdates</c> (mySociety extension) for a window. The API key, when set, goes along as
    /// FixMyStreet sends it; it never appears in errors.
    /// </summary>
    public async Task<IReadOnlyList<RemoteRequestUpdate>> GetRequestUpdatesAsync(Open311Endpoint endpoint, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = endpoint.Url(
            "servicerequestupdates",
            [
                new("api_key", endpoint.ApiKey),
                new("start_date", Dates.Format(start)),
                new("end_date", Dates.Format(end)),
            ]);
        var answer = await SendAsync(endpoint, HttpMethod.Get, url, null, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Get, url, answer, Answers.ParseUpdates);
    }

    /// <summary>
    /// POST <c>servicerequestupdates</c> (mySociety extension); the city's id for the update, when it names one.
    /// Repeated under the same rules as <see cref="PostRequestAsync"/>; the update id makes a repeat safe to refuse.
    /// </summary>
    public async Task<string?> PostRequestUpdateAsync(Open311Endpoint endpoint, NewRequestUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var form = FormBody.Build(endpoint, update);
        var url = endpoint.BareUrl("servicerequestupdates");
        var answer = await SendAsync(endpoint, HttpMethod.Post, url, form, notFoundIsAnswer: false, cancellationToken);
        return Parse(endpoint, HttpMethod.Post, url, answer, Answers.ParseUpdateId);
    }

    private static T Parse<T>(Open311Endpoint endpoint, HttpMethod method, Uri url, Answer answer, Func<Answer, string, T> parse)
    {
        try
        {
            return parse(answer, endpoint.Format);
        }
        catch (AnswerException ex)
        {
            throw Failures.Unusable(endpoint, method, url, answer, ex);
        }
    }
}
