namespace Open311.Core.Intake;

/// <summary>
/// The wake-up for a forwarding worker: which intake record to look at. The record itself holds what to send and
/// where the delivery stands, so a lost or doubled message loses or doubles nothing.
/// </summary>
public sealed record ForwardMessage(string IntakeId, string SourceId, string ExternalId);
