using Open311.Core.Updates;

namespace Open311.Core.Tests.Updates;

public sealed class ExtendedStatusReads
{
    [Theory]
    [InlineData("IN_PROGRESS", "in_progress", "open")]
    [InlineData("in progress", "in_progress", "open")]
    [InlineData(" Action-Scheduled ", "action_scheduled", "open")]
    [InlineData("FIXED", "fixed", "closed")]
    [InlineData("NOT_COUNCILS_RESPONSIBILITY", "not_councils_responsibility", "closed")]
    [InlineData("INTERNAL_REFERRAL", "internal_referral", "closed")]
    [InlineData("REOPEN", "reopen", "open")]
    [InlineData("closed", "closed", "closed")]
    public void FixMyStreetsSpellingsReadAsOneStatusThatIsOpenOrClosed(string text, string status, string plain)
    {
        Assert.True(ExtendedStatus.TryNormalize(text, out var read));
        Assert.Equal((status, plain), (read, ExtendedStatus.Plain(read)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mended")]
    [InlineData("in__progress")]
    public void AnythingElseIsNotAStatus(string? text) => Assert.False(ExtendedStatus.TryNormalize(text, out _));

    [Fact]
    public void EveryStatusIsEitherOpenOrClosedNeverBoth() =>
        Assert.Empty(ExtendedStatus.Open.Intersect(ExtendedStatus.Closed));
}
