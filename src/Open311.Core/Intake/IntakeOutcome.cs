namespace Open311.Core.Intake;

/// <summary>What happened to an inbound report.</summary>
public static class IntakeOutcome
{
    public const string Created = "created";
    public const string Forwarded = "forwarded";
    public const string Duplicate = "duplicate";
    public const string NeedsLocation = "needs_location";
    public const string Unroutable = "unroutable";
    public const string Rejected = "rejected";

    /// <summary>Not a report of its own: a repost (retweet, boost, quote) of one.</summary>
    public const string Ignored = "ignored";

    /// <summary>A reply in a report's thread: added to that report's record, not a request of its own.</summary>
    public const string FollowUp = "follow_up";
}
