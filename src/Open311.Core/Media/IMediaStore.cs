namespace Open311.Core.Media;

/// <summary>Where request photos (and kept raw payloads) live, one folder per jurisdiction or source.</summary>
public interface IMediaStore
{
    /// <summary>Stores an image under a new name and returns it (e.g. <c>3f2a….jpg</c>).</summary>
    Task<string> SaveAsync(string folder, ReadOnlyMemory<byte> content, ImageKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a file under the name given, replacing what was there: a report delivered again or edited writes the
    /// same names, so it never leaves an orphan behind.
    /// </summary>
    Task SaveAsAsync(string folder, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a stored file, or null when there is none by that name.</summary>
    Task<Stream?> OpenAsync(string folder, string name, CancellationToken cancellationToken);
}
