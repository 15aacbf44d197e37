using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Open311.Core.Outbound;

public static class OutboundHttpServiceCollectionExtensions
{
    /// <summary>
    /// A typed <see cref="HttpClient"/> for <typeparamref name="TClient"/> whose primary handler is the
    /// <see cref="GuardedHttpHandler"/>: the only way code in this project gets one. Add retries on the builder where
    /// a repeated call is harmless.
    /// </summary>
    public static IHttpClientBuilder AddGuardedHttpClient<TClient>(this IServiceCollection services, string purpose)
        where TClient : class
    {
        services.AddOptions<OutboundOptions>();
        return services.AddHttpClient<TClient>((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<OutboundOptions>>().Value;
                client.Timeout = options.Timeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"Open311Functions/1.0 ({purpose})");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new GuardedHttpHandler(sp.GetRequiredService<IOptions<OutboundOptions>>().Value));
    }
}
