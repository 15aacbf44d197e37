using System.Collections.Concurrent;
using System.Net;
using Open311.Testing;

namespace Open311.Client.Tests;

/// <summary>
/// A city's Open311 server on a loopback port answering from a script (the n-th request gets the n-th answer, the
/// last one repeats), and a client whose waits between tries are recorded instead of slept.
/// </summary>
internal sealed class CityStandIn : IAsyncDisposable
{
    private readonly LoopbackHttpServer server = new(IPAddress.Loopback);
    private readonly HttpClient http = new();
    private readonly ConcurrentQueue<string> paths = new();
    private readonly ConcurrentQueue<TimeSpan> delays = new();
    private Func<Stream, CancellationToken, Task>[] script = [Json("[]")];
    private int served;

    public CityStandIn(TimeSpan? timeout = null, long? maxResponseBytes = null)
    {
        var defaults = new Open311ClientOptions();
        Client = new Open311Client(http, new Open311ClientOptions
        {
            Delay = (wait, _) =>
            {
                delays.Enqueue(wait);
                return Task.CompletedTask;
            },
            Jitter = new Random(311),
            Timeout = timeout ?? defaults.Timeout,
            MaxResponseBytes = maxResponseBytes ?? defaults.MaxResponseBytes,
        });
        server.Respond = (path, stream, ct) =>
        {
            paths.Enqueue(path);
            var turn = Interlocked.Increment(ref served) - 1;
            return script[Math.Min(turn, script.Length - 1)](stream, ct);
        };
    }

    public Open311Client Client { get; }

    public int Connections => server.Connections;

    public IReadOnlyList<string> Paths => [.. paths];

    public IReadOnlyList<TimeSpan> Delays => [.. delays];

    /// <summary>Never answers: the client's timeout has to end the try.</summary>
    public static Func<Stream, CancellationToken, Task> Silence => (_, ct) => Task.Delay(Timeout.Infinite, ct);

    public Open311Endpoint Endpoint(string format = "json", string? apiKey = null) =>
        new(new Uri($"http://127.0.0.1:{server.Port}/open311/v2/"), "city.example", apiKey, format);

    public void Script(params Func<Stream, CancellationToken, Task>[] answers) => script = answers;

    public static Func<Stream, CancellationToken, Task> Json(string body, string status = "200 OK", string headers = "") =>
        Reply(status, body, "application/json; charset=utf-8", headers);

    public static Func<Stream, CancellationToken, Task> Xml(string body, string status = "200 OK", string headers = "") =>
        Reply(status, body, "text/xml; charset=utf-8", headers);

    public static Func<Stream, CancellationToken, Task> Reply(string status, string body, string? contentType, string headers = "") =>
        (stream, ct) => LoopbackHttpServer.WriteAsync(stream, status, body, ct, (contentType is null ? string.Empty : $"Content-Type: {contentType}\r\n") + headers);

    /// <summary>The decoded query of a requested path.</summary>
    public static IReadOnlyDictionary<string, string> Query(string path)
    {
        var start = path.IndexOf('?', StringComparison.Ordinal);
        var query = start < 0 ? string.Empty : path[(start + 1)..];
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }
}
