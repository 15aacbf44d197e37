namespace Open311.Client;

/// <summary>One HTTP answer as read: status, declared media type, body text (bounded) and any Retry-After.</summary>
internal sealed record Answer(int StatusCode, string? MediaType, string Text, TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and <= 299;
}
