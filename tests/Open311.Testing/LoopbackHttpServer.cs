using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Open311.Testing;

/// <summary>
/// A bare HTTP/1.1 responder on a loopback address, written on raw sockets so the test sees every connection that
/// reaches it (the count is what the guard tests assert). Each request gets the answer <see cref="Respond"/> writes.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public LoopbackHttpServer(IPAddress address)
    {
        listener = new TcpListener(address, 0);
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    /// <summary>The header lines of every request received, in order ("Name: value").</summary>
    public System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<string>> Headers { get; } = new();

    /// <summary>Writes the whole answer for a request path; the default is a small 200.</summary>
    public Func<string, Stream, CancellationToken, Task> Respond { get; set; } = (_, stream, ct) => WriteAsync(stream, "200 OK", "hello", ct);

    public static async Task WriteAsync(Stream stream, string status, string body, CancellationToken cancellationToken, string headers = "")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n{headers}\r\n"), cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

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

            Interlocked.Increment(ref connections);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(stop.Token) ?? string.Empty;
            var headers = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { Length: > 0 } header)
            {
                headers.Add(header);
            }

            Headers.Enqueue(headers);

            await Respond(requestLine.Split(' ').ElementAtOrDefault(1) ?? "/", stream, stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
        }
    }
}
