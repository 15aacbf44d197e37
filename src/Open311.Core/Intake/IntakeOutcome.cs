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
}
