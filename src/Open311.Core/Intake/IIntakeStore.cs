namespace Open311.Core.Intake;

/// <summary>Where intake records live.</summary>
public interface IIntakeStore
{
    Task<IntakeRecord?> GetAsync(string sourceId, string externalId, CancellationToken cancellationToken);

    Task SaveAsync(IntakeRecord record, CancellationToken cancellationToken);

    /// <summary>The newest records of a source (or every source), optionally of one outcome.</summary>
    Task<IReadOnlyList<IntakeRecord>> ListAsync(string? sourceId, string? outcome, int take, CancellationToken cancellationToken);
}
