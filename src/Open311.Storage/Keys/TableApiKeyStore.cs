using System.Text.Json;
using Azure.Data.Tables;
using Open311.Core.Keys;
using Open311.Storage.Tables;

namespace Open311.Storage.Keys;

/// <summary>API keys by hash in the ApiKeys table (one partition; a lookup is one point read).</summary>
public sealed class TableApiKeyStore(TableProvider tables) : IApiKeyStore
{
    public const string Partition = "keys";

    public async Task<ApiKey?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, keyHash, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new ApiKey(
            ApiKeySecrets.IdOf(keyHash),
            e.GetString("Name") ?? string.Empty,
            KeyRows.Jurisdictions(e),
            e.GetInt32("RatePerMinute") ?? 0,
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch);
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        return await KeyRows.DeleteByIdAsync(table, Partition, keyId, cancellationToken);
    }

    public async Task AddAsync(string keyHash, ApiKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.ApiKeys, cancellationToken);
        await table.AddEntityAsync(
            new TableEntity(Partition, keyHash)
            {
                ["Name"] = key.Name,
                ["Jurisdictions"] = JsonSerializer.Serialize(key.Jurisdictions),
                ["RatePerMinute"] = key.RatePerMinute,
                ["CreatedAt"] = key.CreatedAt,
            },
            cancellationToken);
    }
}
