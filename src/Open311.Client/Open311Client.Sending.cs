using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Open311.Client;

public sealed partial class Open311Client
{
    // Error bodies only feed the reasons; a city says all it has to say in far less.
    private const int ErrorBodyLimit = 64 * 1024;

    /// <summary>
    /// Sends until an answer is final: 2xx (and 404 when asked), or an error that is not worth repeating, or the
    /// last attempt. Reads repeat on timeouts, connection failures, 408, 429 and 5xx; writes only when the city
    /// certainly did not take them.
    /// </summary>
    private async Task<Answer> SendAsync(Open311Endpoint endpoint, HttpMethod method, Uri url, string? form, bool notFoundIsAnswer, CancellationToken cancellationToken)
    {
        var post = method == HttpMethod.Post;
        for (var attempt = 1; ; attempt++)
        {
            Open311ClientException failure;
            bool again;
            try
            {
                var answer = await AttemptAsync(endpoint, method, url, form, cancellationToken);
                if (answer.IsSuccess || (notFoundIsAnswer && answer.StatusCode == 404))
                {
                    return answer;
                }

                failure = Failures.FromStatus(endpoint, method, url, answer);
                again = post
                    ? answer.StatusCode == 429 || (answer.StatusCode == 503 && answer.RetryAfter is not null)
                    : failure.Transient;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The city may have filed a POST that timed out: the caller reconciles instead.
                failure = Failures.Timeout(endpoint, method, url, options.Timeout, ex);
                again = !post;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                failure = Failures.Unreachable(endpoint, method, url, ex);
                again = !post || NothingWasSent(ex);
            }

            if (!again || attempt >= maxAttempts || Backoff.Next(attempt, failure.RetryAfter, options) is not { } wait)
            {
                throw failure;
            }

            await DelayAsync(wait, cancellationToken);
        }
    }

    private async Task<Answer> AttemptAsync(Open311Endpoint endpoint, HttpMethod method, Uri url, string? form, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(endpoint.Format == "xml" ? "text/xml" : "application/json"));
        if (form is not null)
        {
            request.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (method != HttpMethod.Get && response.RequestMessage is { } sent && sent.Method != method)
        {
            throw Failures.Redirected(endpoint, method, url, sent.RequestUri);
        }

        var status = (int)response.StatusCode;
        var content = response.Content;
        var success = status is >= 200 and <= 299;
        if (success && content.Headers.ContentLength > options.MaxResponseBytes)
        {
            throw Failures.TooLarge(endpoint, method, url, status, options.MaxResponseBytes);
        }

        var (bytes, complete) = await ReadAsync(content, success ? options.MaxResponseBytes : Math.Min(options.MaxResponseBytes, ErrorBodyLimit), timeout.Token);
        if (success && !complete)
        {
            throw Failures.TooLarge(endpoint, method, url, status, options.MaxResponseBytes);
        }

        return new Answer(status, content.Headers.ContentType?.MediaType, Decode(bytes, content.Headers.ContentType?.CharSet), RetryAfter(response));
    }

    /// <summary>Up to <paramref name="limit"/> bytes, counted as they stream in; Complete is false when more was coming.</summary>
    private static async Task<(byte[] Bytes, bool Complete)> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return (buffer.ToArray(), true);
            }

            var room = limit - buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, (int)room);
                return (buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim().Trim('"'));
            }
            catch (ArgumentException)
            {
                // A charset this runtime does not know: UTF-8, as the spec requires anyway.
            }
        }

        return encoding.GetString(bytes).TrimStart('\uFEFF');
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = null;
        if (header?.Delta is { } delta)
        {
            wait = delta;
        }
        else if (header?.Date is { } date)
        {
            wait = date - DateTimeOffset.UtcNow;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    // Refused connections and unknown hosts fail before a byte of the request leaves: repeating cannot file twice.
    private static bool NothingWasSent(Exception exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return true;
        }

        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain })
            {
                return true;
            }
        }

        return false;
    }

    private Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        options.Delay is { } delay ? delay(wait, cancellationToken) : Task.Delay(wait, cancellationToken);
}
