namespace Open311.Client;

/// <summary>A report to file with a city (POST Service Request). Empty values are not sent.</summary>
public sealed record NewServiceRequest
{
    public required string ServiceCode { get; init; }

    /// <summary>WGS84; send both or neither.</summary>
    public double? Lat { get; init; }

    public double? Long { get; init; }

    public string? AddressString { get; init; }

    public string? AddressId { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? Description { get; init; }

    public string? MediaUrl { get; init; }

    /// <summary>
    /// Attribute values by code: one value is sent as <c>attribute[code]=v</c>, several as
    /// <c>attribute[code][]=v1&amp;attribute[code][]=v2</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
