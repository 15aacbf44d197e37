using System.Globalization;

namespace Open311.Client.Tests;

public sealed class RetryingReads
{
    [Fact]
    public async Task ARateLimitedReadWaitsAsLongAsTheCityAsks()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("""[{"code": 429, "description": "Slow down"}]""", "429 Too Many Requests", "Retry-After: 7\r\n"), CityStandIn.Json("[]"));

        var services = await city.Client.GetServicesAsync(city.Endpoint());

        Assert.Empty(services);
        Assert.Equal(2, city.Connections);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(city.Delays));
    }

    [Fact]
    public async Task ARetryAfterDateIsHonoured()
    {
        await using var city = new CityStandIn();
        var later = DateTimeOffset.UtcNow.AddSeconds(20).ToString("r", CultureInfo.InvariantCulture);
        city.Script(CityStandIn.Json("[]", "503 Service Unavailable", $"Retry-After: {later}\r\n"), CityStandIn.Json("[]"));

        await city.Client.GetServicesAsync(city.Endpoint());

        Assert.InRange(Assert.Single(city.Delays), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(21));
    }

    [Fact]
    public async Task AServerErrorOnAReadIsTriedAgain()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("", "500 Internal Server Error"), CityStandIn.Xml(Samples.RequestsXml));

        var requests = await city.Client.GetRequestsAsync(city.Endpoint("xml"), new RequestSearch());

        Assert.Equal(2, requests.Count);
        Assert.Equal(2, city.Connections);
        Assert.InRange(Assert.Single(city.Delays), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ReadsGiveUpAfterMaxAttemptsWithGrowingWaits()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("", "502 Bad Gateway"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint()));

        Assert.True(failure.Transient);
        Assert.Equal(502, failure.StatusCode);
        Assert.Equal(["the city answered HTTP 502 with no body"], failure.Reasons);
        Assert.Equal(4, city.Connections);
        Assert.Collection(
            city.Delays,
            first => Assert.InRange(first, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)),
            second => Assert.InRange(second, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)),
            third => Assert.InRange(third, TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(2000)));
    }

    [Fact]
    public async Task AReadThatTimesOutIsTriedAgain()
    {
        await using var city = new CityStandIn(timeout: TimeSpan.FromSeconds(1));
        city.Script(CityStandIn.Silence, CityStandIn.Json("[]"));

        var services = await city.Client.GetServicesAsync(city.Endpoint());

        Assert.Empty(services);
        Assert.Equal(2, city.Connections);
        Assert.Single(city.Delays);
    }

    [Fact]
    public async Task AClientErrorIsFinalAtOnce()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.ErrorsXml, "400 Bad Request"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServiceDefinitionAsync(city.Endpoint("xml"), "999"));

        Assert.False(failure.Transient);
        Assert.Equal(400, failure.StatusCode);
        Assert.Equal(1, city.Connections);
        Assert.Empty(city.Delays);
    }

    [Fact]
    public async Task AWaitLongerThanTheCapIsLeftToTheCaller()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("[]", "429 Too Many Requests", "Retry-After: 3600\r\n"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint()));

        Assert.True(failure.Transient);
        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Equal(1, city.Connections);
        Assert.Empty(city.Delays);
    }

    [Fact]
    public async Task ARequestTheCityDoesNotKnowIsNull()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(
            """<?xml version="1.0" encoding="UTF-8"?><errors><error><code>404</code><description>Service request not found</description></error></errors>""",
            "404 Not Found"));

        Assert.Null(await city.Client.GetRequestAsync(city.Endpoint("xml"), "nope"));
        Assert.Equal(1, city.Connections);
    }
}
