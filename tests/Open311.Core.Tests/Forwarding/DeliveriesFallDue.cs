using Open311.Core.Forwarding;
using Open311.Core.Intake;

namespace Open311.Core.Tests.Forwarding;

public sealed class DeliveriesFallDue
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DeliveryState.Queued, -1, true)]
    [InlineData(DeliveryState.Failed, 1, false)]
    [InlineData(DeliveryState.Failed, -1, true)]
    [InlineData(DeliveryState.WaitingForToken, -1, true)]
    [InlineData(DeliveryState.Sending, 1, false)]
    [InlineData(DeliveryState.Sending, -1, true)]
    [InlineData(DeliveryState.Delivered, -1, false)]
    [InlineData(DeliveryState.Dead, -1, false)]
    public void ADeliveryIsDueWhenItsTimeHasComeOrItsWorkerIsPresumedGone(string state, int minutes, bool due)
    {
        var delivery = new Delivery { State = state, NextAttemptAt = Now.AddMinutes(minutes), LeaseUntil = Now.AddMinutes(minutes) };

        Assert.Equal(due, ForwardingWorker.IsDue(delivery, Now));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(20, 360)]
    public void BackoffDoublesToSixHoursWithAFifthOfJitter(int attempts, double minutes)
    {
        var waits = Enumerable.Range(0, 200).Select(_ => ForwardingWorker.Backoff(attempts).TotalMinutes).ToList();

        Assert.All(waits, w => Assert.InRange(w, minutes, minutes * 1.2));
        Assert.True(waits.Distinct().Count() > 1, "no jitter");
    }

    [Theory]
    [InlineData("crisis:41", true, "crisis", "41")]
    [InlineData("mail:<a:b@example.org>", true, "mail", "<a:b@example.org>")]
    [InlineData("k1|4417", false, "", "")]
    [InlineData("k1|x:4417", false, "", "")]
    [InlineData(":41", false, "", "")]
    [InlineData(null, false, "", "")]
    public void ARequestsExternalIdNamesTheIntakeRecordOnlyWhenIntakeMadeIt(string? externalId, bool parsed, string source, string external)
    {
        Assert.Equal((parsed, source, external), (IntakeRecord.TryParseId(externalId, out var s, out var e), s, e));
    }
}
