using Azure.Data.Tables;

namespace Open311.Storage.Keys;

/// <summary>The ApiKeys table's rows: one partition per kind of key, the row key the key's SHA-256 hash.</summary>
internal static class KeyRows
{
    /// <summary>Deletes every row whose key starts with <paramref name="keyId"/> (the hash's first 12 hex digits; 'g' sorts past 'f').</summary>
    public static async Task<bool> DeleteByIdAsync(TableClient table, string partition, string keyId, CancellationToken cancellationToken)
    {
        var found = false;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {keyId} and RowKey lt {keyId + "g"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(partition, row.RowKey, Azure.ETag.All, cancellationToken);
            found = true;
        }

        return found;
    }

    public static IReadOnlyList<string> Jurisdictions(TableEntity row) =>
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(row.GetString("Jurisdictions") ?? "[]") ?? [];
}
