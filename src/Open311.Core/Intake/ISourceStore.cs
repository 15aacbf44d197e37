namespace Open311.Core.Intake;

/// <summary>Where connector source configurations live (as JSON documents).</summary>
public interface ISourceStore
{
    Task<string?> GetAsync(string sourceId, CancellationToken cancellationToken);

    Task PutAsync(string sourceId, string documentJson, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken);

    /// <summary>A poller's position in a source (the last post id or time it has seen); null before the first poll.</summary>
    Task<string?> GetCursorAsync(string sourceId, CancellationToken cancellationToken);

    Task SaveCursorAsync(string sourceId, string cursor, CancellationToken cancellationToken);
}
