namespace Open311.Client;

/// <summary>
/// What a city answered to a new request: its id (<c>realtime</c>), a token to exchange for the id later
/// (<c>batch</c>), or neither (<c>blackbox</c>).
/// </summary>
public sealed record PostOutcome(string? ServiceRequestId, string? Token, string? ServiceNotice)
{
    /// <summary>Neither an id nor a token: the city will never say which request this became.</summary>
    public bool IsBlackbox => ServiceRequestId is null && Token is null;
}
