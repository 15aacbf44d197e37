namespace Open311.Core.Places;

/// <summary>One row of an address file as read (1-based <see cref="Row"/>), before it is checked.</summary>
public sealed record AddressRow(int Row, double? Lon, double? Lat, string? Number, string? Street, string? Unit, string? Postcode);
