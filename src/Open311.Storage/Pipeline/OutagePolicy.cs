using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Open311.Core.Protocol;

namespace Open311.Storage.Pipeline;

/// <summary>
/// Turns what the Azure SDK reports when storage is away — a transport failure, 408, 429 or 5xx after its own
/// retries — into <see cref="StorageUnavailableException"/>, so nothing above this project knows Azure's exception
/// types. Runs once per call, outside the SDK's retry policy.
/// </summary>
public sealed class OutagePolicy(string service) : HttpPipelinePolicy
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception ex) when (IsOutage(ex, message))
        {
            throw Unavailable(ex);
        }

        Check(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        catch (Exception ex) when (IsOutage(ex, message))
        {
            throw Unavailable(ex);
        }

        Check(message);
    }

    private void Check(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status is 408 or 429 or >= 500)
        {
            throw Unavailable(null, message.Response.Status);
        }
    }

    private static bool IsOutage(Exception ex, HttpMessage message) =>
        !message.CancellationToken.IsCancellationRequested
        && ex is RequestFailedException or AggregateException or IOException or HttpRequestException or TaskCanceledException;

    private StorageUnavailableException Unavailable(Exception? inner, int? status = null) =>
        new($"{service} storage is unavailable{(status is { } s ? $" (HTTP {s})" : string.Empty)}; try again shortly.", RetryAfter, inner);
}
