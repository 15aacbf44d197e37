using Open311.Core.Jurisdictions;

namespace Open311.Core.Places;

/// <summary>
/// A town's address import as it goes and when it is done (<c>GET manage/jurisdictions/{id}/addresses</c>): rows read,
/// addresses kept, streets, duplicates merged, rows refused — the first <see cref="AddressImporter.MaxListed"/> with
/// their row number and reasons.
/// </summary>
public sealed record AddressImportStatus
{
    /// <summary><c>importing</c>, <c>done</c> or <c>failed</c>.</summary>
    public required string State { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int Read { get; init; }

    public int Stored { get; init; }

    public int Streets { get; init; }

    public int Duplicates { get; init; }

    public int Rejected { get; init; }

    public IReadOnlyList<ImportRejection> Rejections { get; init; } = [];

    /// <summary>Why a failed import stopped (the file could not be read); nothing was replaced.</summary>
    public string? Failure { get; init; }
}
