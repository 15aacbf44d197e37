using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Outbound;

namespace Open311.Connectors.Social;

/// <summary>
/// The social pollers' and the place question's registration, for the social connector's module to call. Every
/// client goes through the guard; reads are retried (except a 429: the run stops and names the reset), a reply is not
/// (a Bluesky post has no idempotency key; the Mastodon one carries its own, and the caller decides when to ask again).
/// </summary>
public static class SocialPollingRegistration
{
    public static void AddSocialPolling(this IServiceCollection services)
    {
        services.AddGuardedHttpClient<MastodonPoller>("Mastodon poller").AddSocialRetries();
        services.AddGuardedHttpClient<XPoller>("X poller").AddSocialRetries();
        services.AddGuardedHttpClient<BlueskyPoller>("Bluesky poller").AddSocialRetries();
        services.AddGuardedHttpClient<PlaceAsker>("social replies");
        services.AddGuardedHttpClient<ThreadAnswers>("social threads").AddSocialRetries();
        services.AddOptions<SocialPollOptions>();
        services.AddOptions<PlaceAskerOptions>();
        services.AddSingleton<BlueskySessions>();
        services.AddSingleton<SocialPoller>();
    }
}
