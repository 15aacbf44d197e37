namespace Open311.Core.Staff;

/// <summary>What a staff member adds to a report that stopped: where it is (a click on the town map) and/or its service.</summary>
public sealed record IntakeFix(string JurisdictionId, double? Lat, double? Long, string? ServiceCode);
