using System.Text.Json;
using Microsoft.Extensions.Logging;
using Open311.Core.Intake;
using Polly;

namespace Open311.Connectors.Social;

/// <summary>
/// What ends a network's run, the same for all three: a refusal, a rate limit, an HTML page, a broken answer or a
/// timeout becomes the run's reason, with the posts handed over until then counted. Nothing is lost: each poller saves
/// its cursor after every page, so the next run starts where the last completed page left off.
/// </summary>
internal static class SocialRun
{
    public static async Task<PollResult> RunAsync(string network, PollContext context, ILogger logger, Func<Action<int>, Task<string?>> run, CancellationToken cancellationToken)
    {
        var processed = 0;
        try
        {
            var stopped = await run(n => processed += n);
            if (stopped is null)
            {
                logger.LogInformation("Polled {Source} ({Network}): {Processed} posts", context.SourceId, network, processed);
            }
            else
            {
                logger.LogWarning("Polling {Source} ({Network}) stopped after {Processed} posts: {Reason}", context.SourceId, network, processed, stopped);
            }

            return new PollResult(processed, stopped);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && ex is HttpRequestException or JsonException or FormatException or TimeoutException or ExecutionRejectedException or OperationCanceledException)
        {
            logger.LogWarning("Polling {Source} ({Network}) stopped after {Processed} posts: {Reason}", context.SourceId, network, processed, ex.Message);
            return new PollResult(processed, ex.Message);
        }
    }

    /// <summary>Hands a page's posts to the intake, oldest first (networks answer newest first).</summary>
    public static async Task<int> AcceptAsync(IEnumerable<SocialPost> newestFirst, ISocialReports reports, SocialSettings settings, PollContext context, CancellationToken cancellationToken)
    {
        var accepted = 0;
        foreach (var post in newestFirst.Reverse())
        {
            await context.AcceptAsync(reports.ToReport(context.SourceId, post, settings), cancellationToken);
            accepted++;
        }

        return accepted;
    }
}
