using System.Text.Json;
using Azure.Data.Tables;
using Open311.Core.Keys;
using Open311.Core.Staff;
using Open311.Storage.Tables;

namespace Open311.Storage.Keys;

/// <summary>Staff keys by hash in the ApiKeys table, partition <c>staff</c> (a lookup is one point read).</summary>
public sealed class TableStaffKeyStore(TableProvider tables) : IStaffKeyStore
{
    public const string Partition = "staff";

    public async Task<StaffKey?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, keyHash, cancellationToken: cancellationToken);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    public async Task AddAsync(string keyHash, StaffKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        await table.AddEntityAsync(
            new TableEntity(Partition, keyHash)
            {
                ["Name"] = key.Name,
                ["Jurisdictions"] = JsonSerializer.Serialize(key.Jurisdictions),
                ["CreatedAt"] = key.CreatedAt,
            },
            cancellationToken);
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        return await KeyRows.DeleteByIdAsync(table, Partition, keyId, cancellationToken);
    }

    public async Task<IReadOnlyList<StaffKey>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        var keys = new List<StaffKey>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            keys.Add(FromRow(row));
        }

        return keys;
    }

    private static StaffKey FromRow(TableEntity row) => new(
        ApiKeySecrets.IdOf(row.RowKey),
        row.GetString("Name") ?? string.Empty,
        KeyRows.Jurisdictions(row),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch);
}
