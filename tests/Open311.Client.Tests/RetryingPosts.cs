using System.Net;
using System.Net.Sockets;

namespace Open311.Client.Tests;

public sealed class RetryingPosts
{
    private static readonly NewServiceRequest Pothole = new() { ServiceCode = "017", Lat = 44.4758825, Long = -73.212072 };

    [Fact]
    public async Task APostAnsweredWithAServerErrorIsNotRepeated()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("", "500 Internal Server Error"), CityStandIn.Json("""[{"service_request_id": "1"}]"""));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestAsync(city.Endpoint(), Pothole));

        Assert.True(failure.Transient);
        Assert.Equal(500, failure.StatusCode);
        Assert.Equal(1, city.Connections);
        Assert.Empty(city.Delays);
    }

    [Fact]
    public async Task APostThatTimesOutIsNotRepeated()
    {
        await using var city = new CityStandIn(timeout: TimeSpan.FromSeconds(1));
        city.Script(CityStandIn.Silence, CityStandIn.Json("""[{"service_request_id": "1"}]"""));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestAsync(city.Endpoint(), Pothole));

        Assert.True(failure.Transient);
        Assert.Null(failure.StatusCode);
        Assert.Equal(1, city.Connections);
    }

    [Fact]
    public async Task ARateLimitedPostIsRepeatedAfterTheWait()
    {
        await using var city = new CityStandIn();
        city.Script(
            CityStandIn.Json("", "429 Too Many Requests", "Retry-After: 2\r\n"),
            CityStandIn.Json("""[{"service_request_id": 5503, "service_notice": "Thanks"}]"""));

        var outcome = await city.Client.PostRequestAsync(city.Endpoint(), Pothole);

        Assert.Equal(new PostOutcome("5503", null, "Thanks"), outcome);
        Assert.Equal(2, city.Connections);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(city.Delays));
        Assert.All(city.Paths, path => Assert.Equal("/open311/v2/requests.json", path));
    }

    [Fact]
    public async Task APostAnsweredUnavailableWithRetryAfterIsRepeated()
    {
        await using var city = new CityStandIn();
        city.Script(
            CityStandIn.Xml("", "503 Service Unavailable", "Retry-After: 1\r\n"),
            CityStandIn.Xml(Samples.CreatedXml));

        var outcome = await city.Client.PostRequestAsync(city.Endpoint("xml"), Pothole);

        Assert.Equal("5503", outcome.ServiceRequestId);
        Assert.Equal(2, city.Connections);
    }

    [Fact]
    public async Task APostAnsweredUnavailableWithoutRetryAfterIsNotRepeated()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml("", "503 Service Unavailable"), CityStandIn.Xml(Samples.CreatedXml));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestAsync(city.Endpoint("xml"), Pothole));

        Assert.True(failure.Transient);
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(1, city.Connections);
    }

    [Fact]
    public async Task APostToAPortNobodyListensOnIsRepeated()
    {
        await using var city = new CityStandIn();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var endpoint = new Open311Endpoint(new Uri($"http://127.0.0.1:{port}/open311/v2"), "city.example", "s3cret-key");

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestAsync(endpoint, Pothole));

        Assert.True(failure.Transient);
        Assert.Null(failure.StatusCode);
        Assert.Equal(3, city.Delays.Count);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task AnUpdateAnsweredWithAServerErrorIsNotRepeated()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml("", "502 Bad Gateway"));
        var update = new NewRequestUpdate { UpdateId = "u-1", ServiceRequestId = "5501", Status = "fixed", UpdatedAt = DateTimeOffset.UtcNow };

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestUpdateAsync(city.Endpoint("xml"), update));

        Assert.True(failure.Transient);
        Assert.Equal(1, city.Connections);
    }
}
