using System.Text;
using Open311.Connectors.Ushahidi;
using Open311.Core.Intake;

namespace Open311.Connectors.Tests.Ushahidi;

public sealed class PostParsing
{
    private static readonly UshahidiSettings Source = new() { DeploymentUrl = "https://crisis.example.org" };
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheV3EntityBecomesAnInboundReport()
    {
        var report = Read("riverton-crisis", Encoding.UTF8.GetBytes(SamplePost.Body), Source);

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

        var report = Read("s", Encoding.UTF8.GetBytes(body), new UshahidiSettings { LocationKey = "where" });

        Assert.Equal((44.1, -72.5), (report.Lat!.Value, report.Long!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), report.ReceivedAt);
    }

    [Fact]
    public void APostWithoutLocationHasNone()
    {
        var report = Read("s", """{"id":1,"title":"Help","values":{}}"""u8, Source);

        Assert.Null(report.Lat);
        Assert.Equal(Now, report.ReceivedAt);
    }

    [Fact]
    public void MediaIdsComeFromTheConfiguredFieldOrV5MediaFields()
    {
        var v3 = UshahidiPostReader.MediaIds(UshahidiWebhookParser.Parse("""{"id":1,"values":{"pics":[41,"42"],"other":[7]}}"""u8), new UshahidiSettings { MediaKey = "pics" });
        var v5 = UshahidiPostReader.MediaIds(UshahidiWebhookParser.Parse("""{"id":2,"post_content":[{"fields":[{"type":"media","input":"upload","value":{"value":[43]}}]}]}"""u8), Source);

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
        var ex = Assert.Throws<FormatException>(() => Read("s", Encoding.UTF8.GetBytes(body), Source));

        Assert.NotEmpty(ex.Message);
    }

    [Fact]
    public void LabelledV5TextFieldsGoIntoTheTextAndPersonalOnesOnlyToStaff()
    {
        const string body = """
            {"id":3,"title":"Flooded cellar","content":"Water everywhere","post_content":[{"fields":[
              {"key":"a1","label":"Detailed description","type":"varchar","input":"textarea","value":{"value":"Since Monday, 40 cm deep"}},
              {"key":"a2","label":"Phone number","type":"varchar","input":"text","value":{"value":"+385 91 555 0101"}},
              {"key":"a3","label":"Where","type":"point","input":"location","value":{"value":{"lat":45.1,"lon":15.2}}}]}]}
            """;

        var report = Read("s", Encoding.UTF8.GetBytes(body), Source);

        Assert.Equal("Water everywhere\n\nDetailed description: Since Monday, 40 cm deep", report.Text);
        Assert.Equal("Phone number: +385 91 555 0101", report.PrivateDetails);
        Assert.Equal((45.1, 15.2), (report.Lat!.Value, report.Long!.Value));
    }

    [Fact]
    public void V3TextFieldsUseTheSurveysLabelsAndWithoutThemStayWithStaff()
    {
        const string body = """{"id":4,"title":"Pothole","content":"Deep","form_id":2,"values":{"u1":["Next to the bakery"],"u2":["Ana Horvat"],"u3":["091 555 0202"]}}""";
        var fields = new Dictionary<string, UshahidiField>
        {
            ["u1"] = new("u1", "Nearest landmark", "varchar", "text"),
            ["u2"] = new("u2", "Full Name", "varchar", "text"),
        };

        var labelled = UshahidiPostReader.Read(UshahidiWebhookParser.Parse(Encoding.UTF8.GetBytes(body)), "s", Source, fields, Now);
        var unlabelled = UshahidiPostReader.Read(UshahidiWebhookParser.Parse(Encoding.UTF8.GetBytes(body)), "s", Source, null, Now);

        Assert.Equal("Deep\n\nNearest landmark: Next to the bakery", labelled.Text);
        Assert.Equal("Full Name: Ana Horvat\nu3: 091 555 0202", labelled.PrivateDetails);
        Assert.Equal("Deep", unlabelled.Text);
        Assert.Contains("u1: Next to the bakery", unlabelled.PrivateDetails);
    }

    private static InboundReport Read(string sourceId, ReadOnlySpan<byte> body, UshahidiSettings settings) =>
        UshahidiPostReader.Read(UshahidiWebhookParser.Parse(body), sourceId, settings, null, Now);
}
