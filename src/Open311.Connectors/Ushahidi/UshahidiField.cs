namespace Open311.Connectors.Ushahidi;

/// <summary>A survey field as <c>GET /api/v3/forms/{id}/attributes</c> describes it.</summary>
public sealed record UshahidiField(string Key, string? Label, string? Type, string? Input);
