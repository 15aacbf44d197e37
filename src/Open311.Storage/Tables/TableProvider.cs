using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Open311.Storage.Tables;

/// <summary>Hands out table clients, creating each table on first use.</summary>
public sealed class TableProvider(TableServiceClient service, StorageOptions options)
{
    public const string Requests = "Requests";
    public const string Jurisdictions = "Jurisdictions";
    public const string ApiKeys = "ApiKeys";
    public const string Intake = "Intake";
    public const string Sources = "Sources";
    public const string IntakeRecent = "IntakeRecent";
    public const string Addresses = "Addresses";

    private readonly ConcurrentDictionary<string, OnFirstUse<TableClient>> tables = new();

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken) =>
        tables.GetOrAdd(name, n => new OnFirstUse<TableClient>(async ct =>
        {
            var client = service.GetTableClient(options.TablePrefix + n);
            await client.CreateIfNotExistsAsync(ct);
            return client;
        })).GetAsync(cancellationToken);
}
