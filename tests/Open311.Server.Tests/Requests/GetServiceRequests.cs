using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Requests;

/// <summary>GET requests filters, on requests filed at known times by a controlled clock.</summary>
public sealed class GetServiceRequests(AzuriteFixture azurite) : AppTest(azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly List<string> ids = [];
    private string key = string.Empty;

    protected override TimeProvider? Time => clock;

    /// <summary>Ten requests, one a day from 1 January: potholes on even days, graffiti on odd, the last three closed.</summary>
    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        key = await App.IssueKeyAsync();
        for (var day = 0; day < 10; day++)
        {
            var form = day % 2 == 0
                ? Forms.Request(key, "pothole", Forms.InRiverton(("attribute[size]", "small"), ("email", "resident@example.org")))
                : Forms.Request(key, "graffiti", Forms.InRiverton(("attribute[surface]", "wall")));
            var response = await Client.PostAsync("/open311/v2/requests.json", form);
            ids.Add((await JsonOf(response))[0]!["service_request_id"]!.GetValue<string>());
            clock.Advance(TimeSpan.FromDays(1));
        }

        foreach (var id in ids.TakeLast(3))
        {
            await CloseAsync(id);
        }
    }

    [Fact]
    public async Task DefaultListIsTheLast90DaysNewestFirstAndValidates()
    {
        var json = await Client.GetStringAsync("/open311/v2/requests.json");
        var xml = await Client.GetStringAsync("/open311/v2/requests.xml");

        Open311Schemas.AssertValid("requests.json", json);
        XmlMatchesJson.Assert(xml, json);
        Assert.Equal(ids.AsEnumerable().Reverse(), Ids(json));
        Assert.DoesNotContain("resident@example.org", json);
    }

    [Fact]
    public async Task DefaultWindowEndsNow()
    {
        // From 11 January 12:00 to 5 April 00:00: the window now starts on 5 January 00:00.
        clock.Advance(TimeSpan.FromDays(83.5));

        var json = await Client.GetStringAsync("/open311/v2/requests.json");

        Assert.Equal(ids.Skip(4).Reverse(), Ids(json));
    }

    [Fact]
    public async Task ServiceRequestIdListOverridesEveryOtherFilter()
    {
        var json = await Client.GetStringAsync($"/open311/v2/requests.json?service_request_id={ids[1]},{ids[0]},{ids[7]}&service_code=pothole&status=closed&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z");

        Assert.Equal([ids[1], ids[0], ids[7]], Ids(json));
    }

    [Fact]
    public async Task ServiceCodeAndStatusListsCombine()
    {
        var potholes = Ids(await Client.GetStringAsync("/open311/v2/requests.json?service_code=pothole"));
        var both = Ids(await Client.GetStringAsync("/open311/v2/requests.json?service_code=pothole,graffiti"));
        var closed = Ids(await Client.GetStringAsync("/open311/v2/requests.json?status=closed"));
        var openPotholes = Ids(await Client.GetStringAsync("/open311/v2/requests.json?service_code=pothole&status=open"));
        var openOrClosed = Ids(await Client.GetStringAsync("/open311/v2/requests.json?status=open,closed"));

        Assert.Equal([ids[8], ids[6], ids[4], ids[2], ids[0]], potholes);
        Assert.Equal(ids.AsEnumerable().Reverse(), both);
        Assert.Equal([ids[9], ids[8], ids[7]], closed);
        Assert.Equal([ids[6], ids[4], ids[2], ids[0]], openPotholes);
        Assert.Equal(ids.AsEnumerable().Reverse(), openOrClosed);
    }

    [Theory]
    [InlineData("start_date=2026-01-03T12:00:00Z&end_date=2026-01-05T12:00:00Z")]
    [InlineData("start_date=2026-01-03T07:00:00-05:00&end_date=2026-01-05T07:00:00-05:00")]
    [InlineData("start_date=2026-01-03T07:00:00%2B00:00&end_date=2026-01-05T12:00:00.000Z")]
    [InlineData("start_date=2026-01-03T17:00:00+05:00&end_date=2026-01-05T17:00:00+05:00")]
    [InlineData("start_date=2026-01-03T12:00:00.0000000Z&end_date=2026-01-05T12:00:00Z")]
    public async Task DateFiltersAcceptEveryCommonSpelling(string query)
    {
        var json = await Client.GetStringAsync("/open311/v2/requests.json?" + query);

        Assert.Equal([ids[4], ids[3], ids[2]], Ids(json));
    }

    [Fact]
    public async Task DateOnlyMeansMidnightInTheTownsZone()
    {
        // Riverton is on New York time: 2026-01-03 starts at 05:00Z, so the 12:00Z request of that day is in.
        var json = await Client.GetStringAsync("/open311/v2/requests.json?start_date=2026-01-03&end_date=2026-01-04");

        Assert.Equal([ids[2]], Ids(json));
    }

    [Fact]
    public async Task OnlyAStartDateMeansNinetyDaysFromIt()
    {
        var json = await Client.GetStringAsync("/open311/v2/requests.json?start_date=2026-01-09T00:00:00Z");

        Assert.Equal([ids[9], ids[8]], Ids(json));
    }

    [Fact]
    public async Task ASpanOverNinetyDaysOrBackwardsIs400()
    {
        var tooLong = await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"), 400);
        var backwards = await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"), 400);
        var noZone = await AssertXmlErrors(await Client.GetAsync("/open311/v2/requests.xml?start_date=2026-01-01T00:00:00"), 400);

        Assert.Contains("90 days", tooLong[0]);
        Assert.Contains("before", backwards[0]);
        Assert.Contains("time zone", noZone[0]);
    }

    [Fact]
    public async Task UnknownServiceCodeIs404AndBadStatusIs400()
    {
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?service_code=pothole,unicorn"), 404);
        var status = await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?status=pending"), 400);

        Assert.Contains("open, closed", status[0]);
    }

    [Fact]
    public async Task PagesAreOneBasedAndAPageBeyondTheEndIsEmpty()
    {
        var first = Ids(await Client.GetStringAsync("/open311/v2/requests.json?page_size=4"));
        var second = Ids(await Client.GetStringAsync("/open311/v2/requests.json?page_size=4&page=2"));
        var third = Ids(await Client.GetStringAsync("/open311/v2/requests.json?page_size=4&page=3"));
        var beyond = await Client.GetStringAsync("/open311/v2/requests.json?page_size=4&page=9");
        var zero = Ids(await Client.GetStringAsync("/open311/v2/requests.json?page_size=4&page=0"));

        Assert.Equal(ids.AsEnumerable().Reverse(), first.Concat(second).Concat(third));
        Assert.Equal(2, third.Count);
        Assert.Equal("[]", beyond);
        Assert.Equal(first, zero);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?page_size=1001"), 400);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests.json?page=-1"), 400);
    }

    [Fact]
    public async Task UpdatedAfterFindsWhatChangedSince()
    {
        var json = await Client.GetStringAsync($"/open311/v2/requests.json?updated_after={Uri.EscapeDataString("2026-01-10T12:00:01Z")}");

        Assert.Equal(new[] { ids[9], ids[8], ids[7] }.Order(), Ids(json).Order());
    }

    [Fact]
    public async Task ExtensionsAddTheHistoryOfStatusChanges()
    {
        var plain = JsonNode.Parse(await Client.GetStringAsync($"/open311/v2/requests/{ids[9]}.json"))![0]!.AsObject();
        var json = await Client.GetStringAsync($"/open311/v2/requests/{ids[9]}.json?extensions=true");
        var xml = await Client.GetStringAsync($"/open311/v2/requests/{ids[9]}.xml?extensions=true");

        Assert.False(plain.ContainsKey("notes"));
        Open311Schemas.AssertValid("requests.json", json);
        XmlMatchesJson.Assert(xml, json);
        var request = JsonNode.Parse(json)![0]!;
        Assert.Equal(["opened", "closed"], request["notes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()));
        Assert.Equal("Filled the hole", request["status_notes"]!.GetValue<string>());
        Assert.Equal("closed", request["status"]!.GetValue<string>());
        Assert.Equal(request["notes"]![1]!["datetime"]!.GetValue<string>(), request["updated_datetime"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownRequestIs404()
    {
        await AssertXmlErrors(await Client.GetAsync("/open311/v2/requests/999999.xml"), 404);
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests/999999.json"), 404);
    }

    [Fact]
    public async Task EmptyParametersEqualAbsentOnes()
    {
        var plain = await Client.GetStringAsync("/open311/v2/requests.json");
        var empties = await Client.GetStringAsync("/open311/v2/requests.json?jurisdiction_id=&service_code=&status=&start_date=&end_date=&page=&page_size=&extensions=");

        Assert.Equal(plain, empties);
    }

    private static List<string> Ids(string json) =>
        JsonNode.Parse(json)!.AsArray().Select(r => r!["service_request_id"]!.GetValue<string>()).ToList();

    private async Task CloseAsync(string id)
    {
        var admin = App.Admin();
        var current = await admin.GetAsync($"/open311/manage/requests/{id}");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/open311/manage/requests/{id}")
        {
            Content = new StringContent("{\"status\":\"closed\",\"status_notes\":\"Filled the hole\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        var response = await admin.SendAsync(patch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
