using Open311.Core.Protocol;

namespace Open311.Core.Tests.Protocol;

public sealed class Open311TimeParsing
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-01-31T13:45:00Z", "2026-01-31T13:45:00Z")]
    [InlineData("2026-01-31T08:45:00-05:00", "2026-01-31T13:45:00Z")]
    [InlineData("2026-01-31T18:45:00+05:00", "2026-01-31T13:45:00Z")]
    [InlineData("2026-01-31T18:45:00 05:00", "2026-01-31T13:45:00Z")]
    [InlineData("2026-01-31T13:45:00.017Z", "2026-01-31T13:45:00Z")]
    [InlineData("2026-01-31T13:45:00.1234567+00:00", "2026-01-31T13:45:00Z")]
    [InlineData("2026-01-31", "2026-01-31T05:00:00Z")]
    [InlineData("2026-07-01", "2026-07-01T04:00:00Z")]
    public void AcceptsTheFormsClientsSend(string text, string expected)
    {
        Assert.True(Open311Time.TryParse(text, NewYork, out var value));
        Assert.Equal(expected, Open311Time.Format(value));
    }

    [Theory]
    [InlineData("2026-01-31T13:45:00")]
    [InlineData("31/01/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("")]
    [InlineData("2026-01-31T13:45:00Zjunk")]
    public void RefusesTimesWithoutAZoneOrThatDoNotExist(string text)
    {
        Assert.False(Open311Time.TryParse(text, NewYork, out _));
    }

    [Fact]
    public void FormatsUtcWithoutFractions()
    {
        var value = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(-3));

        Assert.Equal("2026-03-04T08:06:07Z", Open311Time.Format(value));
    }
}
