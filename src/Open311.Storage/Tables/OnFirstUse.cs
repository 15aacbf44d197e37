namespace Open311.Storage.Tables;

/// <summary>
/// A table, container or queue created the first time it is needed (nothing touches storage at start-up: Flex
/// Consumption gives an app 30 seconds to initialise). A failed or cancelled creation is not remembered: the next
/// caller tries again, so a storage blip does not break the process until it restarts.
/// </summary>
public sealed class OnFirstUse<T>(Func<CancellationToken, Task<T>> create)
{
    private readonly Lock gate = new();
    private Task<T>? creation;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> current;
        lock (gate)
        {
            if (creation is null || creation.IsFaulted || creation.IsCanceled)
            {
                // Without the caller's token: one cancelled call must not fail the creation for every caller waiting on it.
                creation = create(CancellationToken.None);
            }

            current = creation;
        }

        return current.IsCompletedSuccessfully ? current : current.WaitAsync(cancellationToken);
    }
}
