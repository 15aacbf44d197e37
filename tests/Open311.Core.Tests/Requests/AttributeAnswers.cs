using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Core.Services;

namespace Open311.Core.Tests.Requests;

public sealed class AttributeAnswers
{
    private static readonly Service Survey = new("s", "Survey", null, ServiceType.Realtime, [], null,
    [
        new("count", true, AttributeDatatype.Number, true, null, 1, "How many?", []),
        new("when", true, AttributeDatatype.Datetime, false, null, 2, "When?", []),
        new("note", true, AttributeDatatype.String, false, null, 3, "Note", []),
        new("story", true, AttributeDatatype.Text, false, null, 4, "Story", []),
        new("info", false, AttributeDatatype.String, false, null, 5, "Read this", []),
        ExternalIdAttribute.Create(6),
    ]);

    [Fact]
    public void ValidAnswersAreNormalised()
    {
        var errors = new List<string>();

        var answers = AttributeParser.Parse(Form(("attribute[count]", "3.5"), ("attribute[when]", "2026-01-01T10:00:00-05:00"), ("attribute[story]", "line 1\nline 2"), ("attribute[info]", "ignored"), ("attribute[fixmystreet_id]", "77")), Survey, errors);

        Assert.Empty(errors);
        Assert.Equal(["count", "when", "story", ExternalIdAttribute.Code], answers.Select(a => a.Code));
        Assert.Equal("2026-01-01T15:00:00Z", answers[1].Values[0]);
    }

    [Fact]
    public void WrongTypesAndMissingRequiredAnswersAreAllReported()
    {
        var errors = new List<string>();

        AttributeParser.Parse(Form(("attribute[when]", "soon"), ("attribute[note]", "two\nlines")), Survey, errors);

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("count required", errors[0]);
        Assert.Contains("attribute[when]", errors[1]);
        Assert.Contains("attribute[note] must be one line", errors[2]);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("twelve")]
    public void NumbersMustBeFinite(string value)
    {
        var errors = new List<string>();

        AttributeParser.Parse(Form(("attribute[count]", value)), Survey, errors);

        Assert.Equal("attribute[count] must be a number.", Assert.Single(errors));
    }

    private static Parameters Form(params (string Name, string Value)[] values)
    {
        var p = new Parameters();
        foreach (var (name, value) in values)
        {
            p.Add(name, value);
        }

        return p;
    }
}
