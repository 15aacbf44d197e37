namespace Open311.Client;

/// <summary>Waits between tries: jittered exponential from the base delay, capped, never shorter than a Retry-After.</summary>
internal static class Backoff
{
    /// <summary>The wait after <paramref name="failedAttempts"/> failures; null when the city asks for more than the cap.</summary>
    public static TimeSpan? Next(int failedAttempts, TimeSpan? retryAfter, Open311ClientOptions options)
    {
        var baseMs = Math.Max(0, options.BaseDelay.TotalMilliseconds);
        var maxMs = Math.Max(baseMs, options.MaxDelay.TotalMilliseconds);
        var exponential = Math.Min(maxMs, baseMs * Math.Pow(2, Math.Max(0, failedAttempts - 1)));
        var random = options.Jitter ?? Random.Shared;
        // Between half and all of the exponential step, so clients that failed together do not return together.
        var jittered = Math.Max(baseMs, exponential * (0.5 + (random.NextDouble() / 2)));
        var wait = TimeSpan.FromMilliseconds(jittered);
        if (retryAfter is not { } asked || asked <= wait)
        {
            return wait;
        }

        // Sleeping longer than the cap inside one call helps nobody: the caller gets RetryAfter and schedules.
        return asked <= TimeSpan.FromMilliseconds(maxMs) ? asked : null;
    }
}
