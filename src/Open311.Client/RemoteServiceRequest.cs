namespace Open311.Client;

/// <summary>A service request as a city reports it. Entries without an id are left out (they are not trackable yet).</summary>
public sealed record RemoteServiceRequest
{
    public required string Id { get; init; }

    /// <summary>Trimmed and lower-cased: <c>open</c> or <c>closed</c> by the spec.</summary>
    public string? Status { get; init; }

    public string? StatusNotes { get; init; }

    public string? ServiceCode { get; init; }

    public string? ServiceName { get; init; }

    public string? Description { get; init; }

    public string? AgencyResponsible { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ExpectedAt { get; init; }

    public string? Address { get; init; }

    public double? Lat { get; init; }

    public double? Long { get; init; }

    /// <summary>The first media address when the city gave a list.</summary>
    public string? MediaUrl { get; init; }
}
