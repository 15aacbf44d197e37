using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Open311.Core.Outbound;

/// <summary>
/// The one way this server calls another: http(s) only; every connection made to a resolved address the
/// <see cref="AddressPolicy"/> allows (checked when connecting, so DNS cannot be re-pointed after a check);
/// redirects followed here, hop by hop, each one checked again, at most <see cref="OutboundOptions.MaxRedirects"/>;
/// answers cut off once they pass <see cref="OutboundOptions.MaxResponseBytes"/> while they stream; no proxy, no cookies.
/// </summary>
public sealed class GuardedHttpHandler : DelegatingHandler
{
    private readonly OutboundOptions options;

    public GuardedHttpHandler(OutboundOptions options)
        : this(options, AddressPolicy.From(options))
    {
    }

    public GuardedHttpHandler(OutboundOptions options, AddressPolicy policy)
    {
        this.options = options;
        InnerHandler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            CheckScheme(request.RequestUri);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.InnerException is OutboundRefusedException refused)
            {
                // The connection pool wraps what the connect callback throws; callers see the refusal itself.
                throw refused;
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return Bounded(response);
            }

            response.Dispose();
            if (hop >= options.MaxRedirects)
            {
                throw new OutboundRefusedException($"More than {options.MaxRedirects} redirects.");
            }

            request = NextHop(request, new Uri(request.RequestUri!, location), response.StatusCode);
        }
    }

    private HttpResponseMessage Bounded(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
        {
            response.Dispose();
            throw new OutboundRefusedException($"The answer is {response.Content.Headers.ContentLength:N0} bytes, over the limit of {options.MaxResponseBytes:N0}.");
        }

        response.Content = new BoundedContent(response.Content, options.MaxResponseBytes);
        return response;
    }

    private static void CheckScheme(Uri? uri)
    {
        if (uri is not { IsAbsoluteUri: true } || uri.Scheme is not ("http" or "https"))
        {
            throw new OutboundRefusedException("Only http and https URLs are fetched.");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>
    /// The request for the next hop, as browsers make it: 303 (and 301/302 after a POST) become GET without a body;
    /// credentials are not sent to another origin.
    /// </summary>
    private static HttpRequestMessage NextHop(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        var toGet = status == HttpStatusCode.SeeOther
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && previous.Method == HttpMethod.Post);
        var next = new HttpRequestMessage(toGet ? HttpMethod.Get : previous.Method, target)
        {
            Version = previous.Version,
            VersionPolicy = previous.VersionPolicy,
            Content = toGet ? null : previous.Content,
        };
        var sameOrigin = Uri.Compare(previous.RequestUri, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var (name, values) in previous.Headers)
        {
            if (sameOrigin || !IsCredential(name))
            {
                next.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var option in previous.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }

    private static bool IsCredential(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || header.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && header.Contains("Signature", StringComparison.OrdinalIgnoreCase)
        || header.Contains("Api-Key", StringComparison.OrdinalIgnoreCase)
        || header.EndsWith("-Key", StringComparison.OrdinalIgnoreCase)
        || header.Contains("Token", StringComparison.OrdinalIgnoreCase);

    private static async ValueTask<Stream> ConnectAsync(AddressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => policy.Refusal(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var why = addresses.Length == 0 ? "no address" : policy.Refusal(addresses[0]);
            throw new OutboundRefusedException($"Not fetched: {endpoint.Host} is {why}, and only public addresses are reached (Outbound__AllowedNetworks adds ranges).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
