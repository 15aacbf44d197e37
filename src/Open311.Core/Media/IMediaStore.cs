namespace Open311.Core.Media;

/// <summary>Where request photos live.</summary>
public interface IMediaStore
{
    /// <summary>Stores an image and returns its name within the jurisdiction (e.g. <c>3f2a….jpg</c>).</summary>
    Task<string> SaveAsync(string jurisdictionId, ReadOnlyMemory<byte> content, ImageKind kind, CancellationToken cancellationToken);

    /// <summary>Opens a stored image, or null when there is none by that name.</summary>
    Task<Stream?> OpenAsync(string jurisdictionId, string name, CancellationToken cancellationToken);
}
