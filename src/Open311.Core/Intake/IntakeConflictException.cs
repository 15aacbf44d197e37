namespace Open311.Core.Intake;

/// <summary>
/// An intake record changed (or appeared) since it was read: another delivery or worker got there first. The
/// caller reads it again and decides anew; nothing was written.
/// </summary>
public sealed class IntakeConflictException(string intakeId) : Exception($"Intake record {intakeId} changed since it was read.")
{
    public string IntakeId { get; } = intakeId;
}
