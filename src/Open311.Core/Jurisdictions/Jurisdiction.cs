using Open311.Core.Services;

namespace Open311.Core.Jurisdictions;

/// <summary>A town hosted on this deployment: its settings, boundary and service catalogue.</summary>
public sealed class Jurisdiction
{
    private readonly Dictionary<string, Service> servicesByCode;

    public Jurisdiction(
        string id,
        string name,
        string tier,
        TimeZoneInfo timeZone,
        string? contact,
        string? keyService,
        Boundary? boundary,
        IReadOnlyList<Service> services,
        DateTimeOffset changeset,
        RemoteEndpoint? remote = null)
    {
        Remote = remote;
        Id = id;
        Name = name;
        Tier = tier;
        TimeZone = timeZone;
        Contact = contact;
        KeyService = keyService;
        Boundary = boundary;
        Services = services;
        Changeset = changeset;
        servicesByCode = services.DistinctBy(s => s.Code).ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>city, county, state, national, district …: how local the jurisdiction is.</summary>
    public string Tier { get; }

    public TimeZoneInfo TimeZone { get; }

    public string? Contact { get; }

    public string? KeyService { get; }

    public Boundary? Boundary { get; }

    public IReadOnlyList<Service> Services { get; }

    /// <summary>Null for a town hosted here; set for an Open311 endpoint elsewhere.</summary>
    public RemoteEndpoint? Remote { get; }

    public bool Hosted => Remote is null;

    /// <summary>When the configuration last changed: drives the discovery <c>changeset</c>.</summary>
    public DateTimeOffset Changeset { get; }

    public Service? FindService(string code) => servicesByCode.GetValueOrDefault(code);
}
