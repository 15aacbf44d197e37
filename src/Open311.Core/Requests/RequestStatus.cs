namespace Open311.Core.Requests;

/// <summary>GeoReport v2 knows two statuses; richer states belong in <c>status_notes</c>.</summary>
public static class RequestStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static bool IsValid(string? status) => status is Open or Closed;
}
