using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Open311.Core.Outbound;
using Polly;

namespace Open311.Connectors.Social;

/// <summary>
/// The shared outbound retries for reads (5xx, timeouts, with backoff), except a 429: every network here says when its
/// window refills (minutes away), so a retry within seconds only spends what is left of it — the run stops and names
/// the reset instead. One pipeline per host, so one failing Mastodon instance cannot open the breaker for the others.
/// </summary>
internal static class SocialRetries
{
    public static IHttpStandardResiliencePipelineBuilder AddSocialRetries(this IHttpClientBuilder builder) =>
        builder.AddOutboundRetries()
            .Configure(options =>
            {
                var transient = options.Retry.ShouldHandle;
                options.Retry.ShouldHandle = args =>
                    args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests ? PredicateResult.False() : transient(args);
            })
            .SelectPipelineByAuthority();
}
