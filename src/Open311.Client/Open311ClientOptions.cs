namespace Open311.Client;

/// <summary>How patiently and how far <see cref="Open311Client"/> reads from a city.</summary>
public sealed class Open311ClientOptions
{
    /// <summary>Tries per call, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The shortest wait between tries; later waits double, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between tries. A city asking (Retry-After) for longer gets the error instead.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest answer read; counted while it streams in.</summary>
    public long MaxResponseBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>The limit of one try, from sending to the last byte of the answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How to wait between tries; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> when not set (tests record instead).</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>The source of jitter; <see cref="Random.Shared"/> when not set.</summary>
    public Random? Jitter { get; init; }
}
