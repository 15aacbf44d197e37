namespace Open311.Core.Requests;

/// <summary>
/// Who filed a request. Personal data: stored on the request's primary row only, shown to staff through the
/// manage API, never written to a public GET or to the list index rows.
/// </summary>
public sealed record Requester(
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? DeviceId,
    string? AccountId)
{
    public static readonly Requester None = new(null, null, null, null, null, null);
}
