namespace Open311.Api.Manage;

/// <summary>The body of <c>POST manage/intake/{id}/resolve</c>: the town, and a point on its map and/or a service.</summary>
public sealed class IntakeFixDocument
{
    public string? JurisdictionId { get; set; }

    public double? Lat { get; set; }

    public double? Long { get; set; }

    public string? ServiceCode { get; set; }
}
