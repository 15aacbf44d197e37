namespace Open311.Core.Requests;

/// <summary>A request with the concurrency token of its stored row, for read-modify-write by staff.</summary>
public sealed record StoredRequest(ServiceRequest Request, string ETag);
