using System.Globalization;

namespace Open311.Client.Tests;

public sealed class TimestampParsing
{
    [Theory]
    [InlineData("2026-03-02T07:15:00Z", "2026-03-02T07:15:00.000")]
    [InlineData(" 2026-03-02t07:15:00z ", "2026-03-02T07:15:00.000")]
    [InlineData("2026-03-02T07:15:00-08:00", "2026-03-02T15:15:00.000")]
    [InlineData("2026-03-02T07:15:00-0800", "2026-03-02T15:15:00.000")]
    [InlineData("2026-03-02T07:15:00 05:30", "2026-03-02T01:45:00.000")]
    [InlineData("2026-03-02T07:15:00.5+01:00", "2026-03-02T06:15:00.500")]
    [InlineData("2026-03-02T07:15:00.123456789Z", "2026-03-02T07:15:00.123")]
    [InlineData("2012-09-18T15:37-05", "2012-09-18T20:37:00.000")]
    [InlineData("2026-03-02 07:15:00", "2026-03-02T07:15:00.000")]
    [InlineData("2026-03-02", "2026-03-02T00:00:00.000")]
    public void TheFormsCitiesWriteAreRead(string text, string expectedUtc)
    {
        var value = Dates.Parse(text);

        Assert.Equal(expectedUtc, value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-03-02T24:00:00Z")]
    [InlineData("2026-03-02T07:15:00+15:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("２０２６-03-02")]
    [InlineData("2026-03-02T07:15:00Zjunk")]
    public void AnythingElseIsNull(string? text)
    {
        Assert.Null(Dates.Parse(text));
    }

    [Fact]
    public void TimesAreSentInUtcWithoutFractions()
    {
        Assert.Equal("2026-03-02T07:15:30Z", Dates.Format(new DateTimeOffset(2026, 3, 2, 8, 15, 30, 999, TimeSpan.FromHours(1))));
    }
}
