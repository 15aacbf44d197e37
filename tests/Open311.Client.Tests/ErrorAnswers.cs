using System.Text;

namespace Open311.Client.Tests;

public sealed class ErrorAnswers
{
    [Fact]
    public async Task Open311XmlErrorsBecomeReasons()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.ErrorsXml, "400 Bad Request"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint("xml")));

        Assert.Equal(["service_code 999 is not a service of this city", "lat and long must come together"], failure.Reasons);
        Assert.Contains("HTTP 400", failure.Message);
        Assert.Contains("/open311/v2/services.xml", failure.Message);
    }

    [Theory]
    [InlineData("""[{"code": 403, "description": "Invalid api_key received"}]""", "Invalid api_key received")]
    [InlineData("""{"code": 403, "description": "Invalid api_key received"}""", "Invalid api_key received")]
    [InlineData("""{"errors": [{"code": "403", "message": "Invalid api_key received"}]}""", "Invalid api_key received")]
    [InlineData("""{"code": "forbidden", "detail": "Invalid api_key received"}""", "Invalid api_key received")]
    [InlineData("""<?xml version="1.0"?><error>Invalid api_key received</error>""", "Invalid api_key received")]
    [InlineData("""[{"code": 403}]""", "error 403")]
    public async Task ErrorBodiesInEveryShapeBecomeReasons(string body, string reason)
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("403 Forbidden", body, null));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestAsync(city.Endpoint(), new NewServiceRequest { ServiceCode = "017", AddressId = "1" }));

        Assert.Equal(reason, Assert.Single(failure.Reasons));
        Assert.Equal(403, failure.StatusCode);
        Assert.False(failure.Transient);
    }

    [Fact]
    public async Task AnHtmlErrorPageIsNamedNotParsed()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("502 Bad Gateway", Samples.HtmlPage, "text/html"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint("xml")));

        Assert.Equal(["the city answered HTTP 502 with an HTML page"], failure.Reasons);
        Assert.True(failure.Transient);
        Assert.Equal(4, city.Connections);
    }

    [Fact]
    public async Task AnHtmlPageAnsweredWithOkIsAnError()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("200 OK", Samples.HtmlPage, "text/html; charset=utf-8"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint("xml")));

        Assert.Equal(["the city answered an HTML page, not GeoReport XML"], failure.Reasons);
        Assert.False(failure.Transient);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(1, city.Connections);
    }

    [Fact]
    public async Task AnErrorListAnsweredWithOkIsNotASuccess()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("""[{"code": 400, "description": "service_code is required"}]"""));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestAsync(city.Endpoint(), new NewServiceRequest { ServiceCode = "017", AddressId = "1" }));

        Assert.Equal("service_code is required", Assert.Single(failure.Reasons));
        Assert.False(failure.Transient);
    }

    [Fact]
    public async Task AnAnswerDeclaredLargerThanTheLimitIsRefused()
    {
        await using var city = new CityStandIn(maxResponseBytes: 1024);
        city.Script(CityStandIn.Json("[" + string.Join(',', Enumerable.Repeat("{\"service_code\":\"1\"}", 200)) + "]"));

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint()));

        Assert.Equal(["the answer is larger than 1024 bytes"], failure.Reasons);
        Assert.False(failure.Transient);
        Assert.Equal(1, city.Connections);
    }

    [Fact]
    public async Task AnAnswerWithoutALengthIsCutOffAtTheLimit()
    {
        await using var city = new CityStandIn(maxResponseBytes: 1024);
        city.Script(async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n["), ct);
            for (var i = 0; i < 1000; i++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"service_code\":\"1\"},"), ct);
            }
        });

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.GetServicesAsync(city.Endpoint()));

        Assert.Contains("larger than 1024 bytes", failure.Message);
        Assert.Equal(1, city.Connections);
    }

    [Fact]
    public async Task TheApiKeyNeverAppearsInAFailure()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(
            "<errors><error><code>403</code><description>Invalid api_key s3cret-key received</description></error></errors>",
            "403 Forbidden"));
        var endpoint = city.Endpoint("xml", apiKey: "s3cret-key");

        var failure = await Assert.ThrowsAsync<Open311ClientException>(
            () => city.Client.GetRequestUpdatesAsync(endpoint, DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow));

        Assert.Contains("api_key=s3cret-key", Assert.Single(city.Paths));
        Assert.DoesNotContain("s3cret-key", failure.Message);
        Assert.DoesNotContain("s3cret-key", failure.Reasons[0]);
        Assert.Contains("/open311/v2/servicerequestupdates.xml?jurisdiction_id=city.example&start_date=", failure.Message);
    }
}
