namespace Open311.Client;

/// <summary>
/// A call to a city that did not give a usable answer: the HTTP status when there was one, the reasons (the city's own
/// Open311 error descriptions when it sent some) and whether trying again later may succeed. Messages never carry
/// the endpoint's API key.
/// </summary>
public sealed class Open311ClientException : Exception
{
    public Open311ClientException(
        string message,
        int? statusCode,
        IReadOnlyList<string> reasons,
        bool transient,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reasons = reasons;
        Transient = transient;
        RetryAfter = retryAfter;
    }

    /// <summary>The city's HTTP status; null when no answer came (timeout, connection failure).</summary>
    public int? StatusCode { get; }

    /// <summary>The city's error descriptions, or one short reason of our own.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>True for timeouts, connection failures, 408, 429 and 5xx: the same call may work later.</summary>
    public bool Transient { get; }

    /// <summary>The wait the city asked for (Retry-After), if it named one.</summary>
    public TimeSpan? RetryAfter { get; }
}
