namespace Open311.Core.Intake;

/// <summary>What a photo copy did: the URLs to publish, the first GPS position found in a photo, and what went wrong.</summary>
public sealed record CopiedPhotos(IReadOnlyList<string> Urls, PhotoLocation? Location, IReadOnlyList<string> Problems)
{
    public static readonly CopiedPhotos None = new([], null, []);
}
