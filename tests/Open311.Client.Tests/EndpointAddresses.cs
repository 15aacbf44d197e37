namespace Open311.Client.Tests;

public sealed class EndpointAddresses
{
    private static readonly Uri Base = new("https://city.example/open311/v2/");

    [Fact]
    public void TheBaseLosesItsTrailingSlashAndPathsGetTheFormatAndJurisdiction()
    {
        var endpoint = new Open311Endpoint(Base, "city.example");

        Assert.Equal("https://city.example/open311/v2", endpoint.BaseUrl.AbsoluteUri);
        Assert.Equal("https://city.example/open311/v2/services.json?jurisdiction_id=city.example", endpoint.Url("services").AbsoluteUri);
    }

    [Fact]
    public void WithoutAJurisdictionNoneIsSent()
    {
        var endpoint = new Open311Endpoint(Base, jurisdictionId: "", format: "XML");

        Assert.Equal("https://city.example/open311/v2/services/017.xml", endpoint.Url("services/017").AbsoluteUri);
    }

    [Fact]
    public void QueryValuesAreEscapedAndEmptyOnesLeftOut()
    {
        var endpoint = new Open311Endpoint(Base, "city.example");

        var url = endpoint.Url("requests", [
            new("start_date", "2026-01-01T00:00:00+01:00"),
            new("status", null),
            new("end_date", ""),
            new("service_code", "a b&c"),
        ]);

        Assert.StartsWith("https://city.example/open311/v2/requests.json?jurisdiction_id=city.example&start_date=", url.AbsoluteUri);
        Assert.Contains("%2B01", url.AbsoluteUri);
        Assert.EndsWith("&service_code=a%20b%26c", url.AbsoluteUri);
        Assert.DoesNotContain("status", url.AbsoluteUri);
        Assert.DoesNotContain("end_date", url.AbsoluteUri);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("")]
    public void AnUnknownFormatIsRefused(string format)
    {
        Assert.Throws<ArgumentException>(() => new Open311Endpoint(Base, format: format));
    }

    [Fact]
    public void ABaseThatIsNotHttpIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new Open311Endpoint(new Uri("ftp://city.example/open311/v2")));
    }

    [Fact]
    public void TheApiKeyNeverShowsInTheEndpointsText()
    {
        var endpoint = new Open311Endpoint(Base, "city.example", "s3cret-key");

        Assert.DoesNotContain("s3cret-key", endpoint.ToString());
        Assert.Contains("city.example", endpoint.ToString());
    }

    [Fact]
    public void ACopyWithAnotherBaseIsNormalisedToo()
    {
        var endpoint = new Open311Endpoint(Base) with { BaseUrl = new Uri("https://other.example/georeport/v2///") };

        Assert.Equal("https://other.example/georeport/v2/services.json", endpoint.Url("services").AbsoluteUri);
    }
}
