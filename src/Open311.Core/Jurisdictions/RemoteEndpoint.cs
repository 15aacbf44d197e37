namespace Open311.Core.Jurisdictions;

/// <summary>
/// Where a remote jurisdiction (an Open311 city elsewhere) takes requests: its GeoReport v2 base URL
/// (…/v2, without the file name), its own jurisdiction_id, our key there, the format it prefers.
/// </summary>
public sealed record RemoteEndpoint(Uri Endpoint, string? JurisdictionId, string? ApiKey, string Format, Uri? Discovery, DateTimeOffset? SyncedAt);
