using Microsoft.Extensions.Logging;
using Open311.Core.Intake;

namespace Open311.Connectors.Social;

/// <summary>
/// Posts on X, Mastodon and Bluesky: <c>POST connectors/social/{sourceId}/posts</c> takes one post or many in any of
/// the networks' own shapes (authenticated by the source's secret), and the shared timer polls each source's network
/// (a Mastodon hashtag, an X search, a Bluesky search). A report without a usable place may get one reply asking for
/// it, on networks where the source can post.
/// </summary>
public sealed class SocialConnector(SocialReports reports, SocialPoller poller, PlaceAsker asker, ILogger<SocialConnector> logger) : IConnector
{
    public const string Name = "social";

    private static readonly string[] Networks = ["x", "mastodon", "bluesky"];

    public string Type => Name;

    public IReadOnlyList<string> Actions { get; } = ["posts"];

    public IReadOnlyList<string> Secrets { get; } = ["secret", "bearer_token", "app_password", "posting_token"];

    /// <summary>A page of 100 X posts with their expansions is well under a megabyte; an archive batch is bigger.</summary>
    public int MaxBodyBytes => 16 * 1024 * 1024;

    public ISourcePoller? Poller => poller;

    public IReadOnlyList<string> Validate(SourceDocument source)
    {
        var settings = source.ConnectorSettings<SocialSettings>(out var error);
        if (error is not null)
        {
            return [error];
        }

        var errors = new List<string>();
        if (settings.Network is not { } network || !Networks.Contains(network))
        {
            errors.Add($"network must be one of: {string.Join(", ", Networks)}.");
        }

        if (settings.Secret is { Length: < 16 })
        {
            errors.Add("secret must be at least 16 characters.");
        }

        if (settings.Secret is null && !poller.Polls(source))
        {
            errors.Add("Set secret (to push posts) or this network's poll settings (mastodon: instance and hashtag; x: bearer_token and a query, hashtag or handle; bluesky: identifier, app_password and a hashtag or query), or both.");
        }

        if (settings.Instance is { } instance && (!Uri.TryCreate(instance, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("instance must be the instance's address, e.g. https://mastodon.social.");
        }

        if (settings.Hashtag is { } tag && (tag.StartsWith('#') || tag.Any(char.IsWhiteSpace) || tag.Length > 100))
        {
            errors.Add("hashtag is the tag without '#' and without spaces.");
        }

        if (settings.Handle is { } handle && (handle.StartsWith('@') || handle.Length > 200))
        {
            errors.Add("handle is the account without '@'.");
        }

        if (settings.AskForPlace && settings.Network switch
        {
            "mastodon" => settings.Instance is null || settings.PostingToken is null,
            "bluesky" => settings.Identifier is null || settings.AppPassword is null,
            _ => true,
        })
        {
            errors.Add("ask_for_place needs, on mastodon, instance and posting_token; on bluesky, identifier and app_password; x cannot be asked.");
        }

        if (settings.OptedOut is { Count: > 10_000 })
        {
            errors.Add("opted_out lists at most 10,000 handles.");
        }

        return errors;
    }

    public Task<InboundBatch> ReceiveAsync(SourceDocument source, InboundDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = source.ConnectorSettings<SocialSettings>(out _);
        if (DeliverySecret.Check(delivery, settings.Secret) is { } refused)
        {
            return Task.FromResult(InboundBatch.Refused(401, refused));
        }

        try
        {
            var read = SocialPayloads.Read(delivery.Body, settings);
            logger.LogInformation("Source {Source}: {Count} posts pushed ({Shape})", delivery.SourceId, read.Posts.Count, read.Shape);
            return Task.FromResult(new InboundBatch(read.Posts.Select(p => reports.ToReport(delivery.SourceId, p, settings)).ToList()));
        }
        catch (FormatException ex)
        {
            return Task.FromResult(InboundBatch.Refused(400, ex.Message));
        }
    }

    public async Task<IntakeRecord> AfterIntakeAsync(SourceDocument source, InboundReport report, IntakeRecord record, string? publicBase, CancellationToken cancellationToken)
    {
        var settings = source.ConnectorSettings<SocialSettings>(out _);
        if (!settings.AskForPlace || record.Outcome != IntakeOutcome.NeedsLocation || record.LastDelivery != "first" || report.RepostOf is not null
            || report.ReplyTo is not null || record.WriteBack is not null)
        {
            return record;
        }

        var author = report.Contact.AccountId?.TrimStart('@');
        if (author is null || (settings.OptedOut ?? []).Any(o => string.Equals(o.TrimStart('@'), author, StringComparison.OrdinalIgnoreCase)))
        {
            return record with { WriteBack = "not asked for the place: the author opted out" };
        }

        try
        {
            return record with { WriteBack = await asker.AskAsync(settings, report, cancellationToken) };
        }
        catch (SourceNoticeException ex)
        {
            logger.LogWarning("Asking {Author} for the place of {IntakeId} failed: {Reason}", author, record.IntakeId, ex.Message);
            return record with { WriteBack = $"could not ask for the place: {ex.Message}" };
        }
    }

    public Task<string?> PassOnStatusAsync(SourceDocument source, IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
