using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// The social connector's poller: one source follows one network, so this only reads the source's settings, says
/// what is missing, and hands the run to that network's poller. A source is polled only when its network's poll
/// settings are all there — Mastodon <c>instance</c> and <c>hashtag</c>; X <c>bearer_token</c> and one of
/// <c>query</c>, <c>hashtag</c>, <c>handle</c>; Bluesky <c>identifier</c>, <c>app_password</c> and <c>hashtag</c>
/// or <c>query</c> — so a source set up only to take pushed posts is left alone by the timer.
/// </summary>
public sealed class SocialPoller(MastodonPoller mastodon, XPoller x, BlueskyPoller bluesky, ThreadAnswers answers) : ISourcePoller
{
    public bool Polls(SourceDocument source) =>
        source.ConnectorSettings<SocialSettings>(out var error) is var settings && error is null && Missing(settings) is null;

    /// <summary>Why the source is not polled, naming the settings it lacks; null when it is.</summary>
    public static string? Missing(SocialSettings settings) => Network(settings) switch
    {
        "mastodon" => Lacking("Mastodon", [("instance", settings.Instance), ("hashtag", settings.Hashtag)], []),
        "x" => Lacking("X", [("bearer_token", settings.BearerToken)], [("query", settings.Query), ("hashtag", settings.Hashtag), ("handle", settings.Handle)]),
        "bluesky" => Lacking("Bluesky", [("identifier", settings.Identifier), ("app_password", settings.AppPassword)], [("hashtag", settings.Hashtag), ("query", settings.Query)]),
        null => "network is not set (x, mastodon or bluesky)",
        var other => $"network {other} is not one that is polled (x, mastodon or bluesky)",
    };

    public async Task<PollResult> PollAsync(SourceDocument source, PollContext context, CancellationToken cancellationToken)
    {
        var settings = source.ConnectorSettings<SocialSettings>(out var error);
        if (error is not null)
        {
            return new PollResult(0, error);
        }

        if (Missing(settings) is { } missing)
        {
            return new PollResult(0, $"not polled: {missing}");
        }

        var result = Network(settings) switch
        {
            "mastodon" => await mastodon.PollAsync(settings, context, cancellationToken),
            "x" => await x.PollAsync(settings, context, cancellationToken),
            _ => await bluesky.PollAsync(settings, context, cancellationToken),
        };

        // Then the authors' answers to our place questions, which the hashtag or search does not show.
        return result with { Processed = result.Processed + await answers.ReadAsync(settings, context, cancellationToken) };
    }

    private static string? Network(SocialSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Network) ? null : settings.Network.Trim().ToLowerInvariant();

    private static string? Lacking(string network, (string Name, string? Value)[] all, (string Name, string? Value)[] oneOf)
    {
        var missing = all.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Name).ToList();
        if (oneOf.Length > 0 && oneOf.All(s => string.IsNullOrWhiteSpace(s.Value)))
        {
            missing.Add(string.Join(" or ", oneOf.Select(s => s.Name)));
        }

        var needs = string.Join(", ", all.Select(s => s.Name).Append(oneOf.Length == 0 ? null : $"one of {string.Join(", ", oneOf.Select(s => s.Name))}").OfType<string>());
        return missing.Count == 0 ? null : $"{network} polling needs {needs}; missing: {string.Join(", ", missing)}";
    }
}
