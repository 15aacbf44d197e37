using System.Net.Sockets;
using System.Text;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Protocol;

/// <summary>
/// Over a real socket: a long URL gets an Open311 414 from our edge; what Kestrel refuses before any app code runs
/// (NUL or invalid UTF-8 in the path, NUL in a header, a request line over 64 KB) gets Kestrel's own bodiless answer,
/// as docs/reliability.md lists. These tests pin both, so a change in either shows.
/// </summary>
public sealed class WhatKestrelAnswersItself(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task ALongUrlIsAnOpen311414()
    {
        var response = await Client.GetAsync("/open311/v2/requests.json?service_request_id=" + new string('1', 9000));

        await AssertJsonErrors(response, 414);
    }

    [Theory]
    [InlineData("GET /open311/v2/requests%00.json HTTP/1.1", "400")]
    [InlineData("GET /open311/v2/\u00C3\u0028.json HTTP/1.1", "400")]
    [InlineData("GET /open311/discovery.json?x=LONG HTTP/1.1", "414")]
    [InlineData("GET /open311/discovery.json HTTP/1.1\r\nX-Note: a\0b", "400")]
    public async Task WhatNeverReachesTheAppGetsKestrelsOwnAnswer(string requestLine, string status)
    {
        await using var app = new Open311App(Azurite.ConnectionString);
        var port = new Uri(app.StartOnLoopback()).Port;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        var line = requestLine.Replace("LONG", new string('a', 70 * 1024), StringComparison.Ordinal);
        // Latin-1 writes each character as the one byte it stands for: the raw, invalid UTF-8 goes out as it is.
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));

        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();

        Assert.StartsWith($"HTTP/1.1 {status}", answer);
        Assert.Contains("Content-Length: 0", answer);
    }
}
