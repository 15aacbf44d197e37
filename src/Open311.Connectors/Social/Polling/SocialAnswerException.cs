using System.Net;

namespace Open311.Connectors.Social;

/// <summary>
/// A network answered with an error status. An <see cref="HttpRequestException"/> like every other failed call, so
/// a run ends with its message as the reason; <see cref="ErrorBody"/> keeps the start of the answer for callers that
/// tell one refusal from another (X's 400 for a <c>since_id</c> older than its search window).
/// </summary>
internal sealed class SocialAnswerException(string message, HttpStatusCode status, string? errorBody)
    : HttpRequestException(message, null, status)
{
    public string? ErrorBody { get; } = errorBody;
}
