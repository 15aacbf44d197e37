using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Open311.Storage.Tables;

/// <summary>
/// Hands out table clients, creating each table on first use. Nothing touches storage at start-up: Flex
/// Consumption gives an app 30 seconds to initialise.
/// </summary>
public sealed class TableProvider(TableServiceClient service, StorageOptions options)
{
    public const string Requests = "Requests";
    public const string Jurisdictions = "Jurisdictions";
    public const string ApiKeys = "ApiKeys";
    public const string Intake = "Intake";
    public const string Sources = "Sources";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new();

    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        // Created without the caller's token: one cancelled call must not poison the table for every later one.
        var lazy = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(options.TablePrefix + n, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            tables.TryRemove(KeyValuePair.Create(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var client = service.GetTableClient(name);
        await client.CreateIfNotExistsAsync(cancellationToken);
        return client;
    }
}
