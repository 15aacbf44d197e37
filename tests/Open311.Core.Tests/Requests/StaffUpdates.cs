using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Tests.Requests;

public sealed class StaffUpdates
{
    private static readonly DateTimeOffset Filed = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Filed.AddDays(2);

    private static readonly ServiceRequest Open = new()
    {
        Id = "1",
        JurisdictionId = "j",
        ServiceCode = "pothole",
        Status = RequestStatus.Open,
        RequestedAt = Filed,
        UpdatedAt = Filed,
        AgencyResponsible = "Roads",
        Notes = [new RequestNote(Filed, "opened", "Request received", null)],
    };

    [Fact]
    public void ClosingRecordsANoteAndTheCloseTime()
    {
        var closed = new RequestUpdate { Status = "Closed", StatusNotes = "Fixed" }.ApplyTo(Open, Now);

        Assert.Equal(RequestStatus.Closed, closed.Status);
        Assert.Equal(Now, closed.UpdatedAt);
        Assert.Equal("Roads", closed.AgencyResponsible);
        Assert.Equal(["opened", "closed"], closed.Notes.Select(n => n.Type));
        Assert.Equal("Fixed", closed.Notes[^1].Description);
    }

    [Fact]
    public void AnEmptyStringClearsAValue()
    {
        var cleared = new RequestUpdate { AgencyResponsible = string.Empty }.ApplyTo(Open, Now);

        Assert.Null(cleared.AgencyResponsible);
        Assert.Equal(RequestStatus.Open, cleared.Status);
    }

    [Fact]
    public void BadValuesAreAllReported()
    {
        var ex = Assert.Throws<Open311Exception>(() => new RequestUpdate { Status = "done", ExpectedDatetime = "next week" }.ApplyTo(Open, Now));

        Assert.Equal(400, ex.Status);
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void EveryChangeNamesWhoMadeItAndANoteToColleaguesStaysInternal()
    {
        var changed = new RequestUpdate { Status = "in_progress", AgencyResponsible = "Parks", ExpectedDatetime = "2026-01-05T09:00:00Z", Note = "  Call the school first  " }
            .ApplyTo(Open, Now, "Dana (clerk)");

        var added = changed.Notes.Skip(1).ToList();
        Assert.Equal(["activity", "activity", "activity", RequestNote.Internal], added.Select(n => n.Type));
        Assert.Equal(["Status changed to in_progress", "Expected by 2026-01-05T09:00:00Z", "Assigned to Parks", "Internal note"], added.Select(n => n.Summary));
        Assert.All(added, n => Assert.Equal("Dana (clerk)", n.By));
        Assert.Equal("Call the school first", added[^1].Description);
        Assert.False(added[^1].IsPublic);
        Assert.True(added[0].IsPublic);
    }

    [Fact]
    public void ANoteAloneChangesNoStatusAndAnOverlongOneIsRefused()
    {
        var noted = new RequestUpdate { Note = "Seen on the way past" }.ApplyTo(Open, Now, "Sam");
        Assert.Equal((RequestStatus.Open, "Roads"), (noted.Status, noted.AgencyResponsible));
        Assert.Equal(RequestNote.Internal, noted.Notes[^1].Type);
        Assert.Throws<Open311Exception>(() => new RequestUpdate { Note = new string('x', RequestSubmission.MaxDescriptionLength + 1) }.ApplyTo(Open, Now, "Sam"));
    }
}
