using Open311.Core.Requests;

namespace Open311.Core.Forwarding;

/// <summary>Everything the remote POST needs, kept on the intake record (staff-only), so a retry sends the same thing.</summary>
public sealed record ForwardPayload
{
    public required string ServiceCode { get; init; }

    public double? Lat { get; init; }

    public double? Long { get; init; }

    public string? Address { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    public Requester Contact { get; init; } = Requester.None;
}
