using System.Net;
using System.Text;
using Open311.Core.Outbound;
using Open311.Testing;

namespace Open311.Core.Tests.Outbound;

/// <summary>
/// The guarded client against real sockets: a listener on 127.0.0.1 (allowed, as a town's private server would be)
/// and one on 127.0.0.2 (not allowed, standing for every internal address). Every refusal is asserted by the refused
/// listener never seeing a connection.
/// </summary>
public sealed class GuardedFetches : IAsyncLifetime
{
    private readonly LoopbackHttpServer allowed = new(IPAddress.Loopback);
    private readonly LoopbackHttpServer inside = new(IPAddress.Parse("127.0.0.2"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await allowed.DisposeAsync();
        await inside.DisposeAsync();
    }

    [Fact]
    public async Task AnAllowedAddressIsFetched()
    {
        using var client = Client();

        Assert.Equal("hello", await client.GetStringAsync($"http://127.0.0.1:{allowed.Port}/"));
        Assert.Equal(1, allowed.Connections);
    }

    [Theory]
    [InlineData("http://127.0.0.2:{0}/")]
    [InlineData("http://2130706434:{0}/")]
    [InlineData("http://0x7f000002:{0}/")]
    [InlineData("http://0177.0.0.2:{0}/")]
    [InlineData("http://[::ffff:127.0.0.2]:{0}/")]
    public async Task EverySpellingOfAnInternalAddressIsRefusedBeforeConnecting(string template)
    {
        using var client = Client();

        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, inside.Port)));

        Assert.Equal(0, inside.Connections);
        Assert.IsType<OutboundRefusedException>(refused);
    }

    [Fact]
    public async Task WithoutAnAllowListLoopbackByNameIsRefused()
    {
        using var client = new HttpClient(new GuardedHttpHandler(new OutboundOptions()));

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.GetStringAsync($"http://localhost:{allowed.Port}/"));

        Assert.Contains("loopback", refused.Message);
        Assert.Equal(0, allowed.Connections);
    }

    [Fact]
    public async Task ARedirectToAnInternalAddressIsCheckedAgainAndRefused()
    {
        allowed.Respond = (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "302 Found", string.Empty, ct, $"Location: http://127.0.0.2:{inside.Port}/secret\r\n");
        using var client = Client();

        await Assert.ThrowsAsync<OutboundRefusedException>(() => client.GetStringAsync($"http://127.0.0.1:{allowed.Port}/"));

        Assert.Equal(1, allowed.Connections);
        Assert.Equal(0, inside.Connections);
    }

    [Fact]
    public async Task KeysAndTokensAreNotCarriedToAnotherOrigin()
    {
        await using var elsewhere = new LoopbackHttpServer(IPAddress.Loopback);
        allowed.Respond = (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "302 Found", string.Empty, ct, $"Location: http://127.0.0.1:{elsewhere.Port}/moved\r\n");
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{allowed.Port}/");
        request.Headers.TryAddWithoutValidation("subscription-key", "maps-key");
        request.Headers.TryAddWithoutValidation("X-Api-Key", "w3w-key");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer token");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        Assert.Contains(Assert.Single(allowed.Headers), h => h.StartsWith("subscription-key:", StringComparison.OrdinalIgnoreCase));
        var moved = Assert.Single(elsewhere.Headers);
        Assert.DoesNotContain(moved, h => h.Contains("key", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(moved, h => h.StartsWith("Accept:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ARedirectToAnotherSchemeIsRefused()
    {
        allowed.Respond = (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "301 Moved Permanently", string.Empty, ct, "Location: file:///etc/passwd\r\n");
        using var client = Client();

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.GetStringAsync($"http://127.0.0.1:{allowed.Port}/"));

        Assert.Contains("http and https", refused.Message);
    }

    [Fact]
    public async Task RedirectsAreFollowedUpToTheLimit()
    {
        allowed.Respond = (path, stream, ct) =>
        {
            var hop = int.Parse(path.TrimStart('/') is { Length: > 0 } n ? n : "0", System.Globalization.CultureInfo.InvariantCulture);
            return LoopbackHttpServer.WriteAsync(stream, "307 Temporary Redirect", string.Empty, ct, $"Location: /{hop + 1}\r\n");
        };
        using var client = Client();

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.GetStringAsync($"http://127.0.0.1:{allowed.Port}/"));

        Assert.Contains("redirects", refused.Message);
        Assert.Equal(new OutboundOptions().MaxRedirects + 1, allowed.Connections);
    }

    [Fact]
    public async Task AChunkedFloodIsCutOffWhileItStreams()
    {
        var sent = 0L;
        allowed.Respond = async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"), ct);
            var chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string('x', 0x10000)}\r\n");
            for (var i = 0; i < 4096 && !ct.IsCancellationRequested; i++)
            {
                await stream.WriteAsync(chunk, ct);
                sent += 0x10000;
            }
        };
        using var client = Client(maxBytes: 1024 * 1024);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetByteArrayAsync($"http://127.0.0.1:{allowed.Port}/"));

        Assert.True(sent < 256L * 1024 * 1024, $"the server got to send {sent:N0} bytes");
    }

    [Fact]
    public async Task AStreamedReadStopsAtTheCallersOwnLimit()
    {
        allowed.Respond = (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "200 OK", new string('x', 5000), ct);
        using var client = Client();
        using var response = await client.GetAsync($"http://127.0.0.1:{allowed.Port}/", HttpCompletionOption.ResponseHeadersRead);

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => response.Content.ReadBytesAsync(1000, CancellationToken.None));

        Assert.Contains("1,000", refused.Message);
    }

    private static HttpClient Client(long maxBytes = 16 * 1024 * 1024) =>
        new(new GuardedHttpHandler(new OutboundOptions { AllowedNetworks = "127.0.0.1/32", MaxResponseBytes = maxBytes }));
}
