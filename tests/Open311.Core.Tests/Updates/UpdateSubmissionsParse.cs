using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Core.Updates;

namespace Open311.Core.Tests.Updates;

public sealed class UpdateSubmissionsParse
{
    private static readonly Jurisdiction Town = new("t", "Town", "city", TimeZoneInfo.Utc, null, null, null, [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void FixMyStreetsExtendedUpdateIsReadWithItsUpdateIdExtAndOffsetTime()
    {
        var update = UpdateSubmission.Parse(Form(("service_request_id", "12"), ("update_id_ext", "90210"), ("status", "IN_PROGRESS"), ("updated_datetime", "2026-03-04T10:15:00+01:00"),
            ("description", "Still there"), ("email", "rita@example.org"), ("first_name", "Rita"), ("media_url", "https://fms.example.org/a.jpeg"), ("media_url", "https://fms.example.org/b.jpeg")), Town);

        Assert.Equal(("12", "90210", "in_progress"), (update.ServiceRequestId, update.ClientUpdateId, update.Status));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.Zero), update.UpdatedAt);
        Assert.Equal("https://fms.example.org/a.jpeg", update.MediaUrl);
        Assert.Equal(("rita@example.org", "Rita"), (update.Contact.Email, update.Contact.FirstName));
    }

    [Fact]
    public void UpdateIdWinsOverUpdateIdExt()
    {
        var update = UpdateSubmission.Parse(Form(("service_request_id", "12"), ("update_id", "a"), ("update_id_ext", "b"), ("status", "open"), ("updated_datetime", "2026-03-04T10:15:00Z")), Town);

        Assert.Equal("a", update.ClientUpdateId);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var refused = Assert.Throws<Open311Exception>(() => UpdateSubmission.Parse(Form(("update_id", "a/b"), ("status", "done"), ("email", "not an address"), ("media_url", "javascript:alert(1)")), Town));

        Assert.Equal(400, refused.Status);
        Assert.Equal(6, refused.Errors.Count);
        Assert.Contains(refused.Errors, e => e.Description == "service_request_id is required.");
        Assert.Contains(refused.Errors, e => e.Description.StartsWith("update_id must be", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Description.StartsWith("status 'done' is not one of OPEN,", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Description == "updated_datetime is required.");
        Assert.Contains(refused.Errors, e => e.Description == "email is not a valid e-mail address.");
        Assert.Contains(refused.Errors, e => e.Description.StartsWith("media_url must be", StringComparison.Ordinal));
    }

    [Fact]
    public void ADescriptionOverTheLimitIsRefusedCountingCodePoints()
    {
        var emoji = string.Concat(Enumerable.Repeat("🚧", 4000));

        var taken = UpdateSubmission.Parse(Form(("service_request_id", "1"), ("update_id", "u"), ("status", "open"), ("updated_datetime", "2026-03-04T10:15:00Z"), ("description", emoji)), Town);
        var refused = Assert.Throws<Open311Exception>(() => UpdateSubmission.Parse(Form(("service_request_id", "1"), ("update_id", "u"), ("status", "open"), ("updated_datetime", "2026-03-04T10:15:00Z"), ("description", emoji + "!")), Town));

        Assert.Equal(emoji, taken.Description);
        Assert.StartsWith("description must be at most 4,000", refused.Errors.Single().Description);
    }

    private static Parameters Form(params (string Name, string Value)[] fields)
    {
        var parameters = new Parameters();
        foreach (var (name, value) in fields)
        {
            parameters.Add(name, value);
        }

        return parameters;
    }
}
