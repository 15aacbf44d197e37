namespace Open311.Core.Intake;

/// <summary>
/// Copies a report's photos into our own storage, so <c>media_url</c> keeps working when the source goes away:
/// fetched through the guarded client (or taken from the bytes in hand), checked to be images, their GPS read, then
/// stored stripped of metadata under names derived from the intake id and the photo's position.
/// </summary>
public interface IPhotoCopier
{
    /// <param name="publicBase">Our <c>https://host/open311</c>; null keeps the source's own URLs and drops photos it has none for.</param>
    Task<CopiedPhotos> CopyAsync(string folder, string intakeId, IReadOnlyList<InboundPhoto> photos, string? publicBase, CancellationToken cancellationToken);
}
