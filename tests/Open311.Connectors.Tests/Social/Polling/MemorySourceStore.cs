using System.Collections.Concurrent;
using Open311.Core.Intake;

namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>An <see cref="ISourceStore"/> in memory that remembers every cursor saved, in order: the tests check a save per page.</summary>
public sealed class MemorySourceStore : ISourceStore
{
    private readonly ConcurrentDictionary<string, string> documents = new();
    private readonly ConcurrentDictionary<string, string> cursors = new();

    public List<string> Saved { get; } = [];

    public Task<string?> GetAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult(documents.TryGetValue(sourceId, out var json) ? json : null);

    public Task PutAsync(string sourceId, string documentJson, CancellationToken cancellationToken)
    {
        documents[sourceId] = documentJson;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. documents.Keys]);

    public Task<string?> GetCursorAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult(cursors.TryGetValue(sourceId, out var cursor) ? cursor : null);

    public Task SaveCursorAsync(string sourceId, string cursor, CancellationToken cancellationToken)
    {
        cursors[sourceId] = cursor;
        lock (Saved)
        {
            Saved.Add(cursor);
        }

        return Task.CompletedTask;
    }
}
