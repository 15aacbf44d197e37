using System.Globalization;

namespace Open311.Client;

/// <summary>The client's exceptions, each naming the call (method and URL without the key) and why it failed.</summary>
internal static class Failures
{
    public static Open311ClientException FromStatus(Open311Endpoint endpoint, HttpMethod method, Uri url, Answer answer)
    {
        var status = answer.StatusCode;
        var reasons = Answers.ParseErrors(answer, endpoint.Format);
        var summary = reasons.Count > 0 ? $"the city answered HTTP {status}: {string.Join("; ", reasons)}" : Fallback(answer);
        if (reasons.Count == 0)
        {
            reasons = [summary];
        }

        var transient = status is 408 or 429 or (>= 500 and <= 599);
        return Make(endpoint, method, url, summary, status, reasons, transient, answer.RetryAfter);
    }

    public static Open311ClientException Unusable(Open311Endpoint endpoint, HttpMethod method, Uri url, Answer answer, AnswerException exception) =>
        Make(endpoint, method, url, exception.Message, answer.StatusCode, exception.Reasons, transient: false, retryAfter: null, exception);

    public static Open311ClientException Timeout(Open311Endpoint endpoint, HttpMethod method, Uri url, TimeSpan limit, Exception exception)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"the city did not answer within {limit.TotalSeconds:0.###} s");
        return Make(endpoint, method, url, reason, null, [reason], transient: true, retryAfter: null, exception);
    }

    public static Open311ClientException Unreachable(Open311Endpoint endpoint, HttpMethod method, Uri url, Exception exception)
    {
        var reason = $"could not reach the city ({exception.Message})";
        return Make(endpoint, method, url, reason, null, [reason], transient: true, retryAfter: null, exception);
    }

    public static Open311ClientException TooLarge(Open311Endpoint endpoint, HttpMethod method, Uri url, int status, long limit)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"the answer is larger than {limit} bytes");
        return Make(endpoint, method, url, reason, status, [reason], transient: false, retryAfter: null);
    }

    public static Open311ClientException Redirected(Open311Endpoint endpoint, HttpMethod method, Uri url, Uri? target)
    {
        // Redirects turn a POST into a GET: an answer to that GET would look like a filed report.
        var reason = $"the city redirected the {method.Method} to {(target is null ? "another address" : Redaction.Url(target))}; check the endpoint's address";
        return Make(endpoint, method, url, reason, null, [reason], transient: false, retryAfter: null);
    }

    private static string Fallback(Answer answer)
    {
        if (string.IsNullOrWhiteSpace(answer.Text))
        {
            return $"the city answered HTTP {answer.StatusCode} with no body";
        }

        return Answers.IsHtml(answer)
            ? $"the city answered HTTP {answer.StatusCode} with an HTML page"
            : $"the city answered HTTP {answer.StatusCode}";
    }

    private static Open311ClientException Make(
        Open311Endpoint endpoint,
        HttpMethod method,
        Uri url,
        string summary,
        int? status,
        IReadOnlyList<string> reasons,
        bool transient,
        TimeSpan? retryAfter,
        Exception? inner = null)
    {
        var message = $"{method.Method} {Redaction.Url(url)}: {Redaction.Text(summary, endpoint.ApiKey)}";
        var cleanReasons = reasons.Select(r => Redaction.Text(r, endpoint.ApiKey)).ToList();
        return new Open311ClientException(message, status, cleanReasons, transient, retryAfter, inner);
    }
}
