using Open311.Core.Requests;
using Open311.Core.Updates;

namespace Open311.Core.Tests.Updates;

public sealed class UpdatesApply
{
    private static readonly DateTimeOffset Filed = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Filed.AddDays(3);

    private static readonly ServiceRequest Open = new()
    {
        Id = "7",
        JurisdictionId = "j",
        ServiceCode = "pothole",
        Status = RequestStatus.Open,
        RequestedAt = Filed,
        UpdatedAt = Filed,
        Notes = [new RequestNote(Filed, "opened", "Request received", null)],
    };

    [Fact]
    public void AnExtendedStatusClosesTheRequestAndIsKeptBesideIt()
    {
        var (after, update) = RequestUpdater.Apply(Open, "fixed", "Filled", Filed.AddDays(2), Now, "key k1");

        Assert.Equal((RequestStatus.Closed, "fixed", Now, 1), (after.Status, after.ExtendedStatus, after.UpdatedAt, after.UpdateCount));
        Assert.Equal(("7-1", "fixed", "Filled", Filed.AddDays(2), Now), (update.UpdateId, update.Status, update.Description, update.UpdatedAt, update.RecordedAt));
        Assert.Equal(("closed", "Update from key k1: fixed"), (after.Notes[^1].Type, after.Notes[^1].Summary));
    }

    [Fact]
    public void UpdatesAreNumberedPerRequestAndAClosedRequestKeepsItsCloseTime()
    {
        var (closed, _) = RequestUpdater.Apply(Open, "closed", null, Now, Now, "staff");
        var (again, second) = RequestUpdater.Apply(closed, "duplicate", "Same as 5", Now.AddDays(1), Now.AddDays(1), "staff");

        Assert.Equal("7-2", second.UpdateId);
        Assert.Equal(Now, again.UpdatedAt);
        Assert.Equal(("duplicate", "activity"), (again.ExtendedStatus, again.Notes[^1].Type));
    }

    [Theory]
    [InlineData("reopen")]
    [InlineData("open")]
    public void ReopeningLeavesNoExtendedStatusBehind(string status)
    {
        var (closed, _) = RequestUpdater.Apply(Open, "fixed", null, Now, Now, "staff");

        var (reopened, update) = RequestUpdater.Apply(closed, status, null, Now.AddDays(1), Now.AddDays(1), "staff");

        Assert.Equal((RequestStatus.Open, null, "reopened"), (reopened.Status, reopened.ExtendedStatus, reopened.Notes[^1].Type));
        Assert.Equal(status, update.Status);
    }

    [Fact]
    public void TheUpdateOfAPrivateRequestIsPrivateToo()
    {
        var (_, update) = RequestUpdater.Apply(Open with { Private = true }, "in_progress", null, Now, Now, "staff");

        Assert.True(update.Private);
    }

    [Fact]
    public void AStaffChangeAcceptsExtendedStatusesAndRefusesOthers()
    {
        var changed = new RequestUpdate { Status = "In Progress" }.ApplyTo(Open, Now);

        Assert.Equal((RequestStatus.Open, "in_progress", "Status changed to in_progress"), (changed.Status, changed.ExtendedStatus, changed.Notes[^1].Summary));
        Assert.Throws<Open311.Core.Protocol.Open311Exception>(() => new RequestUpdate { Status = "mended" }.ApplyTo(Open, Now));
    }
}
