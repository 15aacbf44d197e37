namespace Open311.Core.Intake;

/// <summary>A request to deliver to a remote Open311 jurisdiction (the forwarding worker sends it).</summary>
public sealed record ForwardMessage(
    string IntakeId,
    string JurisdictionId,
    string ServiceCode,
    double Lat,
    double Long,
    string? Description,
    string? MediaUrl,
    string? AddressString,
    string ExternalId);
