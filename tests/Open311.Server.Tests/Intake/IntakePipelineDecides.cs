using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Media;
using Open311.Core.Requests;
using Open311.Server.Tests.Infrastructure;
using Open311.Storage;
using Open311.Testing;

namespace Open311.Server.Tests.Intake;

/// <summary>The intake pipeline called directly, with the app's own registrations on a real Azurite (no HTTP in between).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakePipelineDecides(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Base = "https://hub.example.org/open311";
    private static readonly SourceSettings Source = new("mail", new Dictionary<string, string>(), "general_feedback", 1000);

    private ServiceProvider services = null!;

    private IntakePipeline Pipeline => services.GetRequiredService<IntakePipeline>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "p" + Guid.NewGuid().ToString("N")[..10],
        }).Build();
        services = new ServiceCollection().AddLogging().AddOpen311Storage(configuration).AddOpen311Api(configuration).BuildServiceProvider();
        await services.GetRequiredService<JurisdictionRegistry>().PutAsync(Towns.Riverton, DocumentJson.Read<JurisdictionDocument>(Towns.RivertonJson(), out _), null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task APhotosGpsPlacesAReportThatHasNoPointAndTheStoredCopyKeepsNoneOfItsMetadata()
    {
        var photo = TestImages.JpegWithGps(Towns.Lat, Towns.Long);

        var record = await Pipeline.ProcessAsync(Report("m1") with { Photos = [new InboundPhoto { Content = photo }] }, Source, Base, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Created, record.Outcome);
        Assert.StartsWith("Located by the GPS position in photo 1", record.Reason);
        var request = (await services.GetRequiredService<IRequestStore>().GetAsync(Towns.Riverton, record.ServiceRequestId!, CancellationToken.None))!.Request;
        Assert.Equal(Towns.Lat, request.Lat!.Value, 4);
        Assert.Equal(Towns.Long, request.Long!.Value, 4);
        var name = request.MediaUrl![(Base.Length + "/media/".Length)..].Split('/');
        await using var stored = (await services.GetRequiredService<IMediaStore>().OpenAsync(Uri.UnescapeDataString(name[0]), name[1], CancellationToken.None))!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        var text = System.Text.Encoding.Latin1.GetString(copy.ToArray());
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain(TestImages.Serial, text);
        Assert.Null(Open311.Connectors.Media.PhotoGps.Read(copy.ToArray(), 1));
        Assert.NotNull(Open311.Connectors.Media.PhotoGps.Read(photo, 1));
    }

    [Fact]
    public async Task ARedeliveryFetchesNoPhotoAgainAndMakesNoSecondRequest()
    {
        var resolved = 0;
        var report = Report("m2") with
        {
            Lat = Towns.Lat,
            Long = Towns.Long,
            Photos = [new InboundPhoto { Content = TestImages.JpegWithGps(1, 1), Resolve = _ => { resolved++; return Task.FromResult<string?>(null); } }],
        };

        var first = await Pipeline.ProcessAsync(report, Source, Base, CancellationToken.None);
        var again = await Pipeline.ProcessAsync(report, Source, Base, CancellationToken.None);

        Assert.Equal(first.ServiceRequestId, again.ServiceRequestId);
        Assert.Equal((2, IntakeOutcome.Duplicate), (again.Deliveries, again.LastDelivery));
        Assert.Equal(first.Photos, again.Photos);
        Assert.Single(first.Photos);
    }

    [Fact]
    public async Task AReportItsConnectorCouldNotReadIsRejectedWithTheReasonAndItsPayloadKept()
    {
        var raw = "From: broken\r\nContent-Type: multipart/mixed\r\n\r\n--unterminated"u8.ToArray();

        var record = await Pipeline.ProcessAsync(Report("m3") with { Problem = "The message is not valid MIME: no boundary.", Raw = new RawPayload(raw, "eml", "message/rfc822") }, Source, Base, CancellationToken.None);

        Assert.Equal((IntakeOutcome.Rejected, "The message is not valid MIME: no boundary."), (record.Outcome, record.Reason));
        var folder = record.Raw!.Split('/')[0];
        await using var kept = (await services.GetRequiredService<IMediaStore>().OpenAsync(folder, record.Raw.Split('/')[1], CancellationToken.None))!;
        using var bytes = new MemoryStream();
        await kept.CopyToAsync(bytes);
        Assert.Equal(raw, bytes.ToArray());
    }

    [Fact]
    public async Task PrivateDetailsStayOnTheRecordAndTheDescriptionIsCutByCharacters()
    {
        var longText = string.Concat(Enumerable.Repeat("🚧", 5000));

        var record = await Pipeline.ProcessAsync(Report("m4") with { Lat = Towns.Lat, Long = Towns.Long, Text = longText, PrivateDetails = "Phone: 555-0100" }, Source, Base, CancellationToken.None);

        var request = (await services.GetRequiredService<IRequestStore>().GetAsync(Towns.Riverton, record.ServiceRequestId!, CancellationToken.None))!.Request;
        Assert.Equal("Phone: 555-0100", record.Details);
        Assert.DoesNotContain("555-0100", request.Description);
        Assert.Equal(RequestSubmission.MaxDescriptionLength, Open311.Core.Protocol.InputText.Length(request.Description!));
        Assert.EndsWith("🚧…", request.Description);
    }

    [Fact]
    public async Task WithoutAPointOrAPhotoTheAddressTextIsKeptForAPerson()
    {
        var record = await Pipeline.ProcessAsync(Report("m5") with { AddressText = "outside 12 Main St" }, Source, Base, CancellationToken.None);

        Assert.Equal(IntakeOutcome.NeedsLocation, record.Outcome);
        Assert.Contains("'outside 12 Main St'", record.Reason);
    }

    [Fact]
    public async Task AWebhookAndAPollCarryingOneReportAtOnceMakeOneRequest()
    {
        var report = Report("m9") with { Lat = Towns.Lat, Long = Towns.Long };

        var both = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Pipeline.ProcessAsync(report, Source, Base, CancellationToken.None)));

        Assert.Single(both.Select(r => r.ServiceRequestId).Distinct());
        var stored = (await services.GetRequiredService<IIntakeStore>().GetAsync("mail", "m9", CancellationToken.None))!;
        Assert.Equal(4, stored.Deliveries);
        var listed = await services.GetRequiredService<IRequestStore>().QueryAsync(Towns.Riverton, new RequestQuery { Start = DateTimeOffset.UtcNow.AddDays(-1), End = DateTimeOffset.UtcNow.AddDays(1), Take = 100 }, CancellationToken.None);
        Assert.Single(listed, r => r.Description?.Contains("deep pothole", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ARepostIsRecordedButNeverARequest()
    {
        var record = await Pipeline.ProcessAsync(Report("boost-1") with { Lat = Towns.Lat, Long = Towns.Long, RepostOf = "m100" }, Source, Base, CancellationToken.None);

        Assert.Equal((IntakeOutcome.Ignored, null), (record.Outcome, record.ServiceRequestId));
        Assert.Contains("A repost of m100", record.Reason);
    }

    [Fact]
    public async Task ARepliesFromOthersAreNotesAndTheAuthorsAnswerPlacesTheReport()
    {
        var author = new Requester(null, null, null, null, null, "@sam");
        var first = await Pipeline.ProcessAsync(Report("t1") with { Text = "Deep pothole, please fix", Contact = author }, Source, Base, CancellationToken.None);
        var neighbour = await Pipeline.ProcessAsync(Report("t2") with { Text = "I saw it too", ReplyTo = "t1", Contact = new Requester(null, null, null, null, null, "@lee") }, Source, Base, CancellationToken.None);
        var answer = await Pipeline.ProcessAsync(Report("t3") with { Title = null, Text = "It's at https://www.openstreetmap.org/?mlat=44.20012&mlon=-72.57031", ReplyTo = "t1", Contact = author }, Source, Base, CancellationToken.None);

        Assert.Equal(IntakeOutcome.NeedsLocation, first.Outcome);
        Assert.Equal(IntakeOutcome.FollowUp, neighbour.Outcome);
        Assert.Equal(IntakeOutcome.FollowUp, answer.Outcome);
        Assert.Contains("it placed the report, which is now created", answer.Reason);
        var placed = (await services.GetRequiredService<IIntakeStore>().GetAsync("mail", "t1", CancellationToken.None))!;
        Assert.Equal((IntakeOutcome.Created, 2), (placed.Outcome, placed.Deliveries));
        Assert.Contains(placed.Notes, n => n.Type == "reply" && n.Summary == "Reply from @lee" && n.Description == "I saw it too");
        var request = (await services.GetRequiredService<IRequestStore>().GetAsync(Towns.Riverton, placed.ServiceRequestId!, CancellationToken.None))!.Request;
        Assert.StartsWith("Pothole\n\nDeep pothole, please fix", request.Description);
        Assert.Equal(44.20012, request.Lat!.Value, 5);
    }

    [Fact]
    public async Task AnEditOfAReportAlreadyTakenInIsNotedOnItsRecord()
    {
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var first = await Pipeline.ProcessAsync(Report("e1") with { Lat = Towns.Lat, Long = Towns.Long, EditedAt = null }, Source, Base, CancellationToken.None);
        var edited = await Pipeline.ProcessAsync(Report("e1") with { Lat = Towns.Lat, Long = Towns.Long, Text = "A deep pothole by the school, now with water in it", EditedAt = at }, Source, Base, CancellationToken.None);
        var again = await Pipeline.ProcessAsync(Report("e1") with { Lat = Towns.Lat, Long = Towns.Long, Text = "A deep pothole by the school, now with water in it", EditedAt = at }, Source, Base, CancellationToken.None);

        Assert.Equal(first.ServiceRequestId, edited.ServiceRequestId);
        Assert.Single(again.Notes, n => n.Type == "edited" && n.Description!.Contains("water", StringComparison.Ordinal));
        Assert.Equal(3, again.Deliveries);
    }

    [Fact]
    public async Task LongNonLatinTextFitsTheRecordEverywhereItIsKept()
    {
        var emoji = string.Concat(Enumerable.Repeat("🚧", 4000));

        var record = await Pipeline.ProcessAsync(Report("x1") with { Text = emoji, AddressText = emoji }, Source, Base, CancellationToken.None);

        var stored = (await services.GetRequiredService<IIntakeStore>().GetAsync("mail", "x1", CancellationToken.None))!;
        Assert.Equal(IntakeOutcome.NeedsLocation, record.Outcome);
        Assert.Equal(4000, Open311.Core.Protocol.InputText.Length(stored.Report!.Text!));
    }

    private static InboundReport Report(string id) => new()
    {
        SourceId = "mail",
        ExternalId = id,
        Title = "Pothole",
        Text = "A deep pothole by the school",
    };
}
