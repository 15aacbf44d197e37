using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Tests.Staff;

public sealed class StaffMembersAndTheirTowns
{
    [Fact]
    public void AStaffMemberWorksForTheirTownsOnlyAndTheAdminForAll()
    {
        var clerk = new StaffKey("3fa85f6457c1", "Dana", ["riverton.example"], DateTimeOffset.UnixEpoch).Member;

        Assert.True(clerk.Allows("riverton.example"));
        Assert.False(clerk.Allows("other.example"));
        Assert.False(clerk.Allows(null));
        Assert.False(clerk.IsAdmin);
        clerk.Require("riverton.example");
        Assert.Equal(403, Assert.Throws<Open311Exception>(() => clerk.Require("other.example")).Status);

        Assert.True(StaffMember.Administrator.IsAdmin);
        Assert.True(StaffMember.Administrator.Allows("anywhere.example"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("ELM", true)]
    [InlineData("12", true)]
    [InlineData("oak", false)]
    public void TheInboxWordsMatchAnyListedFieldInAnyCase(string? text, bool matches)
    {
        var query = new RequestQuery { Text = text };
        Assert.Equal(matches, query.TextMatches("12", "Lamp out on Elm Street", null));
    }
}
