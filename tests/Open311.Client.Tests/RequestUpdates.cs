namespace Open311.Client.Tests;

public sealed class RequestUpdates
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task UpdatesAreReadFromFixMyStreetStyleXml()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(Samples.UpdatesXml));

        var updates = await city.Client.GetRequestUpdatesAsync(city.Endpoint("xml"), Start, End);

        Assert.Equal(2, updates.Count);
        Assert.Equal(
            new RemoteRequestUpdate
            {
                UpdateId = "UPD-301",
                ServiceRequestId = "5501",
                Status = "in_progress",
                Description = "A crew is booked for Thursday.",
                UpdatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
                MediaUrl = null,
                ExternalStatusCode = "CREW_BOOKED",
            },
            updates[0]);
        Assert.Equal("not_councils_responsibility", updates[1].Status);
        Assert.Null(updates[1].ExternalStatusCode);
    }

    [Fact]
    public async Task UpdatesAreReadFromJsonWithNumericIds()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Json(Samples.UpdatesJson));

        var update = Assert.Single(await city.Client.GetRequestUpdatesAsync(city.Endpoint(), Start, End));

        Assert.Equal("301", update.UpdateId);
        Assert.Equal("5501", update.ServiceRequestId);
        Assert.Equal("fixed", update.Status);
        Assert.Equal("https://media.riverton.example/after.jpg", update.MediaUrl);
        Assert.Null(update.ExternalStatusCode);
    }

    [Fact]
    public async Task TheWindowIsSentInUtcWithTheKey()
    {
        await using var city = new CityStandIn();

        await city.Client.GetRequestUpdatesAsync(city.Endpoint("xml", apiKey: "k-123"), Start, End);

        var path = Assert.Single(city.Paths);
        Assert.StartsWith("/open311/v2/servicerequestupdates.xml?jurisdiction_id=city.example&api_key=k-123&", path);
        var query = CityStandIn.Query(path);
        Assert.Equal("2026-03-02T00:00:00Z", query["start_date"]);
        Assert.Equal("2026-03-02T12:00:00Z", query["end_date"]);
    }

    [Theory]
    [InlineData("<service_request_updates><request_update><update_id> 9001 </update_id></request_update></service_request_updates>", "text/xml")]
    [InlineData("""[{"update_id": 9001}]""", "application/json")]
    [InlineData("""{"service_request_updates": {"request_update": {"update_id": "9001"}}}""", "application/json")]
    public async Task APostedUpdateReturnsTheCitysUpdateId(string body, string contentType)
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Reply("200 OK", body, contentType));
        var update = new NewRequestUpdate { UpdateId = "u-1", ServiceRequestId = "5501", Status = "FIXED", UpdatedAt = Start };

        var id = await city.Client.PostRequestUpdateAsync(city.Endpoint(), update);

        Assert.Equal("9001", id);
        Assert.Equal("/open311/v2/servicerequestupdates.json", Assert.Single(city.Paths));
    }

    [Fact]
    public async Task ARepeatedUpdateRefusedByTheCityIsFinal()
    {
        await using var city = new CityStandIn();
        city.Script(CityStandIn.Xml(
            "<errors><error><code>400</code><description>Bad request: already exists</description></error></errors>",
            "400 Bad Request"));
        var update = new NewRequestUpdate { UpdateId = "u-1", ServiceRequestId = "5501", Status = "FIXED", UpdatedAt = Start };

        var failure = await Assert.ThrowsAsync<Open311ClientException>(() => city.Client.PostRequestUpdateAsync(city.Endpoint("xml"), update));

        Assert.Equal("Bad request: already exists", Assert.Single(failure.Reasons));
        Assert.False(failure.Transient);
    }
}
