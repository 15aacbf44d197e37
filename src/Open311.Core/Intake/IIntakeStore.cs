namespace Open311.Core.Intake;

/// <summary>Where intake records live.</summary>
public interface IIntakeStore
{
    Task<IntakeRecord?> GetAsync(string sourceId, string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a record: added when its <see cref="IntakeRecord.ETag"/> is null, else replaced only if the stored row
    /// still has that ETag. Returns the record with its new ETag.
    /// </summary>
    /// <exception cref="IntakeConflictException">The record exists already, or changed since it was read.</exception>
    Task<IntakeRecord> SaveAsync(IntakeRecord record, CancellationToken cancellationToken);

    /// <summary>The newest records of a source (or every source), optionally of one outcome.</summary>
    Task<IReadOnlyList<IntakeRecord>> ListAsync(string? sourceId, string? outcome, int take, CancellationToken cancellationToken);

    /// <summary>The newest records whose delivery to a remote city is in <paramref name="state"/>.</summary>
    Task<IReadOnlyList<IntakeRecord>> ListByDeliveryAsync(string state, int take, CancellationToken cancellationToken);

    /// <summary>The newest records holding a status change their source has not been told of yet.</summary>
    Task<IReadOnlyList<IntakeRecord>> ListWithPendingNoticeAsync(int take, CancellationToken cancellationToken);
}
