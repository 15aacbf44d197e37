using Azure;
using Azure.Data.Tables;

namespace Open311.Storage.Tables;

/// <summary>
/// Submits entity group transactions after checking the rules Azure enforces and Azurite does not
/// (Azurite accepts a batch that spans partitions; Azure rejects it): one partition, at most 100 entities.
/// </summary>
public static class TableTransactions
{
    public const int MaxActions = 100;

    public static async Task<IReadOnlyList<Response>> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        AssertOnePartition(actions);
        var response = await table.SubmitTransactionAsync(actions, cancellationToken);
        return response.Value;
    }

    public static void AssertOnePartition(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxActions)
        {
            throw new InvalidOperationException($"An entity group transaction holds 1 to {MaxActions} entities, not {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => a.Entity.PartitionKey != partition))
        {
            throw new InvalidOperationException("An entity group transaction must stay inside one partition.");
        }
    }
}
