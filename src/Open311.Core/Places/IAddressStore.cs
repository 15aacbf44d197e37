namespace Open311.Core.Places;

/// <summary>Where towns' address points live (Table Storage), with each import's status and a version per town.</summary>
public interface IAddressStore
{
    /// <summary>Every town with address points → the version of its points (new with every import).</summary>
    Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Street>> LoadAsync(string jurisdictionId, CancellationToken cancellationToken);

    /// <summary>Replaces a town's points with <paramref name="streets"/>; the version is written last, so no reader takes a half-written set for new.</summary>
    Task ReplaceAsync(string jurisdictionId, IReadOnlyList<Street> streets, string version, CancellationToken cancellationToken);

    Task SaveStatusAsync(string jurisdictionId, AddressImportStatus status, CancellationToken cancellationToken);

    Task<AddressImportStatus?> GetStatusAsync(string jurisdictionId, CancellationToken cancellationToken);
}
