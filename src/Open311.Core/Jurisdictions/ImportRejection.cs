namespace Open311.Core.Jurisdictions;

public sealed record ImportRejection(int Feature, string? Id, IReadOnlyList<string> Errors);
