using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;
using Open311.Core.Places;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Places;

/// <summary>
/// A town imports its address points through the manage API (an OpenAddresses CSV of a made-up grid town inside
/// Riverton, whose true points are known), then reports whose only place is a phrase or a link — by e-mail, through the
/// pipeline as any connector hands them over, and as plain <c>address_string</c> POSTs — are placed from them. Every
/// confident answer must be right; the rest stay <c>needs_location</c> with the reason.
/// </summary>
public sealed class PlacesFromWords(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string MailSecret = "riverton-mail-secret-0123456789";
    private const string Twin = "twin.example";

    private static readonly SyntheticTown Riverton = new(44.19, -72.59, streets: 6, avenues: 6);
    private static readonly SyntheticTown TwinTown = new(44.40, -72.30, streets: 3, avenues: 3);

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        var twin = new JsonObject
        {
            ["name"] = "Twin Falls", ["tier"] = "city",
            ["boundary"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[-72.35,44.35],[-72.2,44.35],[-72.2,44.5],[-72.35,44.5],[-72.35,44.35]]]}"""),
            ["services"] = new JsonArray(new JsonObject { ["service_code"] = "pothole", ["service_name"] = "Pothole", ["keywords"] = "pothole" }),
        };
        Assert.True((await App.PutTownAsync(Twin, twin.ToJsonString())).IsSuccessStatusCode);
        await ImportAsync(Towns.Riverton, Riverton.ToCsv(s => s.ToUpperInvariant()));
        await ImportAsync(Twin, TwinTown.ToCsv());
    }

    [Fact]
    public async Task AnImportReportsEveryRefusedRowWithItsLineAndAReimportReplacesThePoints()
    {
        var csv = "LON,LAT,NUMBER,STREET,UNIT,CITY,POSTCODE\n"
            + "-72.5801,44.1950,5,Harbor Blvd,,Riverton,05602\n"
            + ",44.1950,7,Harbor Blvd,,,\n"
            + "-72.5801,44.1950,,Harbor Blvd,,,\n"
            + "-10.0,10.0,9,Harbor Blvd,,,\n"
            + "-72.5801,44.1950,5,HARBOR BOULEVARD,,,\n";

        var report = await ImportAsync("riverton.example", csv);

        Assert.Equal(("done", 5, 1, 1, 1, 3), (report["state"]!.GetValue<string>(), report["read"]!.GetValue<int>(), report["stored"]!.GetValue<int>(), report["streets"]!.GetValue<int>(), report["duplicates"]!.GetValue<int>(), report["rejected"]!.GetValue<int>()));
        var rejections = report["rejections"]!.AsArray().Select(r => (r!["feature"]!.GetValue<int>(), r["errors"]![0]!.GetValue<string>())).ToList();
        Assert.Equal(3, rejections[0].Item1);
        Assert.StartsWith("LON and LAT must be", rejections[0].Item2);
        Assert.Equal((4, "NUMBER must start with a house number"), rejections[1]);
        Assert.Equal((5, "the point is outside the boundary of Town of Riverton"), rejections[2]);
        Assert.Equal("done", (await JsonOf(await App.Admin().GetAsync("/open311/manage/jurisdictions/riverton.example/addresses")))["state"]!.GetValue<string>());

        // The whole grid is gone: only Harbor Blvd is left.
        var gone = await ReportAsync("gone", "Pothole outside 12 Main St", jurisdictions: [Towns.Riverton]);
        var kept = await ReportAsync("kept", "Pothole outside 5 Harbor Boulevard", jurisdictions: [Towns.Riverton]);
        Assert.Equal(IntakeOutcome.NeedsLocation, gone.Outcome);
        Assert.Contains("no street 'Main St'", gone.Reason);
        Assert.Equal(IntakeOutcome.Created, kept.Outcome);
    }

    [Fact]
    public async Task AnImportThatCannotBeReadReplacesNothingAndSaysWhy()
    {
        var refused = await App.Admin().PostAsync("/open311/manage/jurisdictions/riverton.example/addresses", new StringContent("x,y\n1,2\n", Encoding.UTF8, "text/csv"));

        var errors = await AssertJsonErrors(refused, 400);
        Assert.Contains("no LON, LAT and STREET columns", errors[0]);
        Assert.Equal("failed", (await JsonOf(await App.Admin().GetAsync("/open311/manage/jurisdictions/riverton.example/addresses")))["state"]!.GetValue<string>());
        Assert.Equal(IntakeOutcome.Created, (await ReportAsync("still", "Pothole outside 12 Main St", jurisdictions: [Towns.Riverton])).Outcome);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Admin().GetAsync("/open311/manage/jurisdictions/nowhere/addresses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsync("/open311/manage/jurisdictions/riverton.example/addresses", new StringContent("x", Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Theory]
    [InlineData("Pothole outside 12 Main St", "12", "Main St")]
    [InlineData("pothole outside 12 MAIN STREET!! please fix", "12", "Main St")]
    [InlineData("There's a deep pothole in front of 31 Elm St. near the bus stop", "31", "Elm St")]
    [InlineData("pothole at 20 Third Avenue", "20", "3rd Ave")]
    public async Task AHousePhraseInAnEmailPlacesTheReport(string body, string number, string street)
    {
        var record = await MailAsync($"{number}-{street.Replace(' ', '-')}@example.org", "Road problem", body);

        Assert.True(record["outcome"]!.GetValue<string>() == "created", record.ToJsonString());
        var request = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{record["service_request_id"]!.GetValue<string>()}.json?jurisdiction_id={Towns.Riverton}")))[0]!;
        var truth = Riverton.House(number, street)!.Value;
        Assert.InRange(GeoDistance.Meters(request["lat"]!.GetValue<double>(), request["long"]!.GetValue<double>(), truth.Lat, truth.Long), 0, 2);
        Assert.Contains($"Located by the address '", record["reason"]!.GetValue<string>());
        Assert.Contains("Riverton's address points", record["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACornerPlacesTheReportWhereTheStreetsMeet()
    {
        var record = await ReportAsync("corner", "The street light on Elm and 3rd is out", jurisdictions: [Towns.Riverton]);

        Assert.Equal(IntakeOutcome.Created, record.Outcome);
        var request = await RequestAsync(record);
        var corner = Riverton.Corner(1, 2);
        Assert.InRange(GeoDistance.Meters(request["lat"]!.GetValue<double>(), request["long"]!.GetValue<double>(), corner.Lat, corner.Long), 0, 25);
    }

    [Fact]
    public async Task AMainStreetInTwoTownsIsAQuestionUnlessTheSourceServesOnlyOne()
    {
        var both = await ReportAsync("both", "Pothole outside 12 Main St", jurisdictions: null);
        var one = await ReportAsync("one", "Pothole outside 12 Main St", jurisdictions: [Twin]);

        Assert.Equal(IntakeOutcome.NeedsLocation, both.Outcome);
        Assert.Contains("'12 Main St' is in Town of Riverton and Twin Falls", both.Reason);
        Assert.Equal((IntakeOutcome.Created, Twin), (one.Outcome, one.JurisdictionId));
    }

    [Theory]
    [InlineData("Pothole by the old library", "The report has no location.")]
    [InlineData("Pothole outside 12 Harbor Blvd", "no street 'Harbor Blvd'")]
    [InlineData("Pothole outside 900 Main St", "no number near 900 on MAIN ST")]
    [InlineData("The lights on Oak Street are out, pothole too", "names only a street, OAK ST")]
    public async Task WhatTheAddressPointsCannotAnswerStaysWithAPersonAndSaysWhy(string text, string reason)
    {
        var record = await ReportAsync(text.GetHashCode(StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture), text, jurisdictions: [Towns.Riverton]);

        Assert.Equal(IntakeOutcome.NeedsLocation, record.Outcome);
        Assert.Contains(reason, record.Reason);
    }

    [Fact]
    public async Task AMapLinkInTheTextIsThePlace()
    {
        var record = await ReportAsync("link", "Pothole here https://www.openstreetmap.org/?mlat=44.20012&mlon=-72.57031#map=19/44.20012/-72.57031", jurisdictions: [Towns.Riverton]);

        Assert.True(record.Outcome == IntakeOutcome.Created, record.Reason);
        Assert.Contains("OpenStreetMap link", record.Reason);
    }

    [Fact]
    public async Task AnAddressStringPostIsPlacedFromTheTownsPointsAndOtherwiseKeptWithoutAPoint()
    {
        var key = await App.IssueKeyAsync();
        var placed = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("jurisdiction_id", Towns.Riverton), ("address_string", "33 Elm Street"), ("description", "Cracked"))));
        var unplaced = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "sidewalk", ("jurisdiction_id", Towns.Riverton), ("address_string", "behind the town hall"), ("description", "Cracked"))));

        var located = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{placed[0]!["service_request_id"]!.GetValue<string>()}.json?jurisdiction_id={Towns.Riverton}&extensions=true")))[0]!;
        var truth = Riverton.House("33", "Elm St")!.Value;
        Assert.InRange(GeoDistance.Meters(located["lat"]!.GetValue<double>(), located["long"]!.GetValue<double>(), truth.Lat, truth.Long), 0, 2);
        Assert.Equal("33 Elm Street", located["address"]!.GetValue<string>());
        Assert.Contains(located["notes"]!.AsArray(), n => n!["summary"]!.GetValue<string>() == "Located from address_string");
        var plain = (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{unplaced[0]!["service_request_id"]!.GetValue<string>()}.json?jurisdiction_id={Towns.Riverton}")))[0]!;
        Assert.Null(plain["lat"]);
    }

    private async Task<JsonNode> ImportAsync(string jurisdiction, string csv)
    {
        var response = await App.Admin().PostAsync($"/open311/manage/jurisdictions/{jurisdiction}/addresses", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<IntakeRecord> ReportAsync(string id, string text, IReadOnlyList<string>? jurisdictions)
    {
        var report = new InboundReport { SourceId = "words", ExternalId = id, Title = "Report", Text = text };
        var source = new SourceSettings("words", new Dictionary<string, string>(), "general_feedback", 1000, jurisdictions);
        return await App.Services.GetRequiredService<IntakePipeline>().ProcessAsync(report, source, null, CancellationToken.None);
    }

    private async Task<JsonNode> RequestAsync(IntakeRecord record) =>
        (await JsonOf(await Client.GetAsync($"/open311/v2/requests/{record.ServiceRequestId}.json?jurisdiction_id={record.JurisdictionId}")))[0]!;

    private async Task<JsonNode> MailAsync(string messageId, string subject, string body)
    {
        var source = new JsonObject { ["type"] = "email", ["secret"] = MailSecret, ["triage_service"] = "general_feedback", ["jurisdictions"] = new JsonArray(Towns.Riverton) };
        Assert.True((await App.Admin().PutAsync("/open311/manage/sources/mail", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/connectors/email/mail/mime?key={MailSecret}") { Content = new ByteArrayContent(TestMail.Plain(messageId, subject, body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("message/rfc822");
        var answer = await Client.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)![0]!;
    }
}
