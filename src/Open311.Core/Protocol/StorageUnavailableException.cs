namespace Open311.Core.Protocol;

/// <summary>
/// Storage (or the queue) could not do what was asked right now: it is down, slow, throttling, or too busy with
/// the same rows. The storage adapters raise it; the HTTP edge answers 503 with <see cref="RetryAfter"/>.
/// </summary>
public sealed class StorageUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
