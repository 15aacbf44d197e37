using System.Text;
using Open311.Connectors.Ushahidi;
using Open311.Core.Intake;

namespace Open311.Connectors.Tests.Ushahidi;

public sealed class PostParsing
{
    private static readonly SourceDocument Source = new() { Type = "ushahidi", DeploymentUrl = "https://crisis.example.org" };
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheV3EntityBecomesAnInboundReport()
    {
        var (report, _) = UshahidiWebhookParser.Parse("riverton-crisis", Encoding.UTF8.GetBytes(SamplePost.Body), Source, Now);

        Assert.Equal("915", report.ExternalId);
        Assert.Equal("Road washed out", report.Title);
        Assert.Equal((44.2, -72.57), (report.Lat!.Value, report.Long!.Value));
        Assert.Equal(["form:3", "tag:12"], report.CategoryHints);
        Assert.Equal(("mapper@example.org", "Ana", "Mapper"), (report.Contact.Email, report.Contact.FirstName, report.Contact.LastName));
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 20, 0, 0, TimeSpan.Zero), report.ReceivedAt);
        Assert.Equal("https://crisis.example.org/views/data/915", report.Url);
    }

    [Fact]
    public void LocationsMayArriveAsStringsAndUnderAConfiguredKey()
    {
        const string body = """{"id":"16","values":{"other":[{"lon":"1","lat":"2"}],"where":[{"lon":"-72.5","lat":"44.1"}]},"created":1700000000}""";

        var (report, _) = UshahidiWebhookParser.Parse("s", Encoding.UTF8.GetBytes(body), new SourceDocument { LocationKey = "where" }, Now);

        Assert.Equal((44.1, -72.5), (report.Lat!.Value, report.Long!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), report.ReceivedAt);
    }

    [Fact]
    public void APostWithoutLocationHasNone()
    {
        var (report, _) = UshahidiWebhookParser.Parse("s", """{"id":1,"title":"Help","values":{}}"""u8, Source, Now);

        Assert.Null(report.Lat);
        Assert.Equal(Now, report.ReceivedAt);
    }

    [Fact]
    public void MediaIdsComeFromTheConfiguredFieldOrV5MediaFields()
    {
        var (_, v3) = UshahidiWebhookParser.Parse("s", """{"id":1,"values":{"pics":[41,"42"],"other":[7]}}"""u8, new SourceDocument { MediaKey = "pics" }, Now);
        var (_, v5) = UshahidiWebhookParser.Parse("s", """{"id":2,"post_content":[{"fields":[{"type":"media","input":"upload","value":{"value":[43]}}]}]}"""u8, Source, Now);

        Assert.Equal([41L, 42L], v3);
        Assert.Equal([43L], v5);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"title":"no id"}""")]
    [InlineData("""{"id":{"nested":1}}""")]
    public void WhatIsNotAPostIsRefusedWithAReason(string body)
    {
        var ex = Assert.Throws<FormatException>(() => UshahidiWebhookParser.Parse("s", Encoding.UTF8.GetBytes(body), Source, Now));

        Assert.NotEmpty(ex.Message);
    }
}
