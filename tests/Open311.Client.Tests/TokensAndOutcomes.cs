namespace Open311.Client.Tests;

public sealed class TokensAndOutcomes
{
    private static readonly NewServiceRequest Report = new() { ServiceCode = "042", AddressString = "12 Elm St" };

    [Fact]
    public async Task APostAnsweredWithAnIdIsRealtime()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.CreatedXml));

        var outcome = await city.Client.PostRequestAsync(city.Endpoint("xml"), Report);

        Assert.Equal(new PostOutcome("5503", null, "Crews respond within 3 days"), outcome);
        Assert.False(outcome.IsBlackbox);
        Assert.Equal("/open311/v2/requests.xml", Assert.Single(city.Paths));
    }

    [Fact]
    public async Task APostAnsweredWithATokenIsBatch()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json(Samples.TokenOnlyJson));

        var outcome = await city.Client.PostRequestAsync(city.Endpoint(), Report);

        Assert.Equal(new PostOutcome(null, "a1b2c3", null), outcome);
    }

    [Theory]
    [InlineData("[]", "application/json")]
    [InlineData("<service_requests/>", "text/xml")]
    [InlineData("<service_requests><request><account_id/></request></service_requests>", "text/xml")]
    [InlineData("", "application/json")]
    public async Task APostAnsweredWithNeitherIdNorTokenIsBlackbox(string body, string contentType)
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("200 OK", body, contentType));

        var outcome = await city.Client.PostRequestAsync(city.Endpoint(), Report);

        Assert.True(outcome.IsBlackbox);
    }

    [Fact]
    public async Task ATokenResolvesOnceTheCityAssignsAnId()
    {
        await using var city = new CityStandIn();
        city.Script(
            CityStandIn.Json("[]"),
            CityStandIn.Json("""[{"token": "a1b2c3"}]"""),
            CityStandIn.Json("""[{"service_request_id": 5504, "token": "a1b2c3"}]"""));
        var endpoint = city.Endpoint();

        Assert.Null(await city.Client.GetRequestIdFromTokenAsync(endpoint, "a1b2c3"));
        Assert.Null(await city.Client.GetRequestIdFromTokenAsync(endpoint, "a1b2c3"));
        Assert.Equal("5504", await city.Client.GetRequestIdFromTokenAsync(endpoint, "a1b2c3"));
        Assert.All(city.Paths, path => Assert.Equal("/open311/v2/tokens/a1b2c3.json?jurisdiction_id=city.example", path));
    }

    [Fact]
    public async Task ATokenTheCityDoesNotKnowYetIsPending()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(
            "<errors><error><code>404</code><description>Service request not found with id or token a1b2c3</description></error></errors>",
            "404 Not Found"));

        Assert.Null(await city.Client.GetRequestIdFromTokenAsync(city.Endpoint("xml"), "a1b2c3"));
        Assert.Equal(1, city.Connections);
    }
}
