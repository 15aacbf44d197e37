using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Intake;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Places;

/// <summary>
/// With <c>Geocoder__Provider=Nominatim</c>, the pipeline asks the outside geocoder only for what the town's own
/// address points cannot answer, and keeps only a sure answer of a house inside a town the source serves. The geocoder
/// is a stand-in on loopback speaking Nominatim's jsonv2 search answer (as documented at
/// https://nominatim.org/release-docs/latest/api/Output/; our own sample places).
/// </summary>
public sealed class OutsideGeocoderIsAskedLast(AzuriteFixture azurite) : AppTest(azurite)
{
    private readonly LoopbackHttpServer nominatim = new(IPAddress.Loopback);
    private readonly ConcurrentQueue<string> asked = new();
    private string answer = "[]";

    protected override Dictionary<string, string>? Settings
    {
        get
        {
            var settings = Open311App.LoopbackAllowed;
            settings["Geocoder:Provider"] = "Nominatim";
            settings["Geocoder:NominatimEndpoint"] = $"http://127.0.0.1:{nominatim.Port}";
            settings["Geocoder:NominatimUserAgent"] = "Riverton 311 tests (311@riverton.example)";
            settings["Geocoder:NominatimInterval"] = "00:00:00.010";
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        nominatim.Respond = (path, stream, ct) =>
        {
            asked.Enqueue(Uri.UnescapeDataString(path.Replace('+', ' ')));
            return LoopbackHttpServer.WriteAsync(stream, "200 OK", answer, ct, "Content-Type: application/json; charset=utf-8\r\n");
        };
        await App.PutRivertonAsync();
        var town = new SyntheticTown(44.19, -72.59, streets: 3, avenues: 3);
        Assert.True((await App.Admin().PostAsync($"/open311/manage/jurisdictions/{Towns.Riverton}/addresses", new StringContent(town.ToCsv(), System.Text.Encoding.UTF8, "text/csv"))).IsSuccessStatusCode);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await nominatim.DisposeAsync();
    }

    [Fact]
    public async Task AnAddressTheTownDoesNotKnowIsAskedAndASureHouseInsideTheTownIsTaken()
    {
        answer = Place(44.2001, -72.5702, "building", "house", 30);

        var record = await ReportAsync("g1", "Pothole outside 7 Harbor Blvd");

        Assert.True(record.Outcome == IntakeOutcome.Created, record.Reason);
        Assert.Contains("Nominatim's answer '7, Harbor Boulevard, Riverton' for '7 Harbor Blvd'", record.Reason);
        Assert.Contains(asked, q => q.Contains("q=7 Harbor Blvd", StringComparison.Ordinal));
    }

    [Theory]
    // Outside the box of the towns served, the adapter drops the answer itself (a server may ignore bounded=1).
    [InlineData(44.9, -71.0, "building", "house", 30, "Nominatim does not know '7 Harbor Blvd'")]
    [InlineData(44.2001, -72.5702, "highway", "residential", 26, "Nominatim's answers for '7 Harbor Blvd' are not sure enough, or not inside a town served")]
    public async Task AnAnswerOutsideTheTownsServedOrOnlyOfAStreetIsNotTaken(double lat, double lon, string category, string type, int rank, string reason)
    {
        answer = Place(lat, lon, category, type, rank);

        var record = await ReportAsync("g2", "Pothole outside 7 Harbor Blvd");

        Assert.Equal(IntakeOutcome.NeedsLocation, record.Outcome);
        Assert.Contains(reason, record.Reason);
        Assert.Single(asked);
    }

    [Fact]
    public async Task WhatTheTownsPointsAnswerNeverReachesTheGeocoder()
    {
        var record = await ReportAsync("g3", "Pothole outside 12 Main St");

        Assert.Equal(IntakeOutcome.Created, record.Outcome);
        Assert.Empty(asked);
    }

    private static string Place(double lat, double lon, string category, string type, int rank) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $$"""[{"place_id":1,"lat":"{{lat}}","lon":"{{lon}}","category":"{{category}}","type":"{{type}}","place_rank":{{rank}},"importance":0.1,"addresstype":"{{(rank >= 28 ? "building" : "road")}}","name":"","display_name":"7, Harbor Boulevard, Riverton","boundingbox":["{{lat - 0.0001}}","{{lat + 0.0001}}","{{lon - 0.0001}}","{{lon + 0.0001}}"]}]""");

    private Task<IntakeRecord> ReportAsync(string id, string text) =>
        App.Services.GetRequiredService<IntakePipeline>().ProcessAsync(
            new InboundReport { SourceId = "words", ExternalId = id, Title = "Report", Text = text },
            new SourceSettings("words", new Dictionary<string, string>(), "general_feedback", 1000, [Towns.Riverton]),
            null,
            CancellationToken.None);
}
