using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 for the social networks' stand-ins. Unlike <c>LoopbackHttpServer</c> it reads
/// request bodies (<c>Content-Length</c>): the sign-ins and replies are POSTs whose JSON the tests check. Every request
/// is recorded; <see cref="Answer"/> decides what each gets.
/// </summary>
public sealed class SocialStandIn : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();

    public SocialStandIn()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public ConcurrentQueue<StandInRequest> Requests { get; } = new();

    public Func<StandInRequest, StandInAnswer> Answer { get; set; } = _ => new StandInAnswer(404, """{"error":"Not found"}""");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var head = await ReadHeadAsync(stream);
            var lines = head.Split("\r\n");
            var start = lines[0].Split(' ');
            var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
                .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())), StringComparer.OrdinalIgnoreCase);
            var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, stop.Token);
            var request = new StandInRequest(start[0], start.ElementAtOrDefault(1) ?? "/", headers, Encoding.UTF8.GetString(body));
            Requests.Enqueue(request);

            var answer = Answer(request);
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, stop.Token);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            var extra = string.Concat(answer.Headers.Select(h => h + "\r\n"));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 {answer.Status} {(HttpStatusCode)answer.Status}\r\nContent-Type: {answer.ContentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n{extra}\r\n"), stop.Token);
            await stream.WriteAsync(bytes, stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads up to the blank line that ends the headers, byte by byte, so the body stays in the stream.</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, stop.Token) == 0)
            {
                throw new IOException("closed before the headers ended");
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                return Encoding.ASCII.GetString(head.ToArray()).TrimEnd();
            }
        }

        throw new IOException("headers too long");
    }
}
