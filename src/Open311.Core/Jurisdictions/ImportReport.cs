namespace Open311.Core.Jurisdictions;

/// <summary>What a bulk import did: counts, and every feature refused with its reasons (the rest were imported).</summary>
public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportRejection> Rejected);
