namespace Open311.Core.Jurisdictions;

/// <summary>A jurisdiction's configuration document as stored, with its concurrency token.</summary>
public sealed record StoredJurisdiction(string Id, string DocumentJson, string ETag, DateTimeOffset UpdatedAt);
