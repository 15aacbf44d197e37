namespace Open311.Core.Updates;

/// <summary>A client posted an update id it had posted before: the first update is the answer.</summary>
public sealed class UpdateExistsException(StatusUpdate earlier) : Exception($"Update {earlier.UpdateId} was posted before.")
{
    public StatusUpdate Earlier { get; } = earlier;
}
