namespace Open311.Client.Tests;

public sealed class ReadingJsonAnswers
{
    [Fact]
    public async Task NumbersAndStringsAreTakenWhereverTheSpecWantsTheOther()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json(Samples.ServicesJson));

        var services = await city.Client.GetServicesAsync(city.Endpoint());

        Assert.Equal(["17", "042", "050"], services.Select(s => s.Code));
        Assert.True(services[0].Metadata);
        Assert.Equal("realtime", services[0].Type);
        Assert.Null(services[0].Description);
        Assert.Equal(["light", "lamp"], services[0].Keywords);
        Assert.Equal("blackbox", services[1].Type);
        Assert.Empty(services[1].Keywords);
        Assert.False(services[2].Metadata);
        Assert.Equal("realtime", services[2].Type);
        Assert.Equal(["a", "b"], services[2].Keywords);
    }

    [Fact]
    public async Task ASingleObjectIsReadAsAListOfOne()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json("""{"service_code": "001", "service_name": "Pothole", "metadata": true, "type": "realtime"}"""));

        var service = Assert.Single(await city.Client.GetServicesAsync(city.Endpoint()));

        Assert.Equal("001", service.Code);
        Assert.Equal("Pothole", service.Name);
        Assert.True(service.Metadata);
    }

    [Fact]
    public async Task ADefinitionWithStringFlagsAndNumericKeysIsRead()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json(Samples.DefinitionJson));

        var definition = await city.Client.GetServiceDefinitionAsync(city.Endpoint(), "17");

        Assert.Equal("17", definition.ServiceCode);
        var fault = Assert.Single(definition.Attributes);
        Assert.True(fault.Required);
        Assert.True(fault.Variable);
        Assert.Equal(1, fault.Order);
        Assert.Equal(["1", "2"], fault.Values.Select(v => v.Key));
    }

    [Fact]
    public async Task AWrappedRequestListIsUnwrappedAndItsQuirksRead()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json(Samples.RequestsWrappedJson));

        var requests = await city.Client.GetRequestsAsync(city.Endpoint(), new RequestSearch());

        Assert.Equal(2, requests.Count);
        var first = requests[0];
        Assert.Equal("5501", first.Id);
        Assert.Equal("17", first.ServiceCode);
        Assert.Null(first.StatusNotes);
        Assert.Null(first.AgencyResponsible);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 15, 0, TimeSpan.Zero), first.RequestedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 0, 0, 250, TimeSpan.Zero), first.UpdatedAt);
        Assert.Null(first.ExpectedAt);
        Assert.Equal(44.4758825, first.Lat);
        Assert.Equal(-73.212072, first.Long);
        Assert.Equal("https://media.riverton.example/5501.jpg", first.MediaUrl);
        var second = requests[1];
        Assert.Equal("closed", second.Status);
        Assert.Equal(44.47, second.Lat);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), second.RequestedAt);
        Assert.Equal("https://media.riverton.example/5502.jpg", second.MediaUrl);
    }

    [Fact]
    public async Task JsonLabelledAsHtmlIsStillRead()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("200 OK", """[{"service_request_id": 7, "status": "open"}]""", "text/html; charset=UTF-8"));

        var request = await city.Client.GetRequestAsync(city.Endpoint(), "7");

        Assert.NotNull(request);
        Assert.Equal("7", request.Id);
    }

    [Fact]
    public async Task ASearchSendsItsFiltersWithUtcTimestamps()
    {
        await using var city = new CityStandIn();

        await city.Client.GetRequestsAsync(city.Endpoint(), new RequestSearch
        {
            ServiceCode = "017,042",
            StartDate = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)),
            EndDate = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero),
            UpdatedAfter = new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.FromHours(-5)),
            Status = "open",
        });

        var path = Assert.Single(city.Paths);
        Assert.StartsWith("/open311/v2/requests.json?", path);
        var query = CityStandIn.Query(path);
        Assert.Equal("city.example", query["jurisdiction_id"]);
        Assert.Equal("017,042", query["service_code"]);
        Assert.Equal("2026-01-01T00:00:00Z", query["start_date"]);
        Assert.Equal("2026-01-31T00:00:00Z", query["end_date"]);
        Assert.Equal("2026-01-15T17:30:00Z", query["updated_after"]);
        Assert.Equal("open", query["status"]);
        Assert.DoesNotContain("updated_before", query.Keys);
    }

    [Fact]
    public async Task IdsOverrideEveryOtherFilter()
    {
        await using var city = new CityStandIn();

        await city.Client.GetRequestsAsync(city.Endpoint(), new RequestSearch { Ids = ["5501", " 5502 ", ""], Status = "open" });

        var query = CityStandIn.Query(Assert.Single(city.Paths));
        Assert.Equal("5501,5502", query["service_request_id"]);
        Assert.DoesNotContain("status", query.Keys);
    }
}
