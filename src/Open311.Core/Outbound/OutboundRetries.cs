using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Open311.Core.Outbound;

public static class OutboundRetries
{
    /// <summary>
    /// The standard resilience handler (timeouts, retries of 408, 429 and 5xx with backoff honouring Retry-After, a
    /// circuit breaker), except that a call the guard refused is never tried again: asking twice changes nothing.
    /// For calls that are safe to repeat (reads, idempotent writes). Named <c>{client}-standard</c>.
    /// </summary>
    public static IHttpStandardResiliencePipelineBuilder AddOutboundRetries(this IHttpClientBuilder builder) =>
        builder.AddStandardResilienceHandler(options =>
        {
            var transient = options.Retry.ShouldHandle;
            options.Retry.ShouldHandle = args =>
                args.Outcome.Exception is OutboundRefusedException ? PredicateResult.False() : transient(args);
            var breaking = options.CircuitBreaker.ShouldHandle;
            options.CircuitBreaker.ShouldHandle = args =>
                args.Outcome.Exception is OutboundRefusedException ? PredicateResult.False() : breaking(args);
        });
}
