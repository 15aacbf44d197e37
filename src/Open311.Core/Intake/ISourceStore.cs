namespace Open311.Core.Intake;

/// <summary>Where connector source configurations live (as JSON documents).</summary>
public interface ISourceStore
{
    Task<string?> GetAsync(string sourceId, CancellationToken cancellationToken);

    Task PutAsync(string sourceId, string documentJson, CancellationToken cancellationToken);
}
