using Azure.Data.Tables;
using Open311.Core.Intake;
using Open311.Storage.Tables;

namespace Open311.Storage.Intake;

/// <summary>Connector source documents (partition <c>sources</c>) and poll cursors (partition <c>cursors</c>), one row per source.</summary>
public sealed class TableSourceStore(TableProvider tables) : ISourceStore
{
    private const string Partition = "sources";
    private const string Cursors = "cursors";

    public async Task<string?> GetAsync(string sourceId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(sourceId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Document") : null;
    }

    public async Task PutAsync(string sourceId, string documentJson, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Escape(sourceId)) { ["Document"] = documentJson, ["Id"] = sourceId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), select: ["Id"], cancellationToken: cancellationToken))
        {
            ids.Add(row.GetString("Id"));
        }

        return ids;
    }

    public async Task<string?> GetCursorAsync(string sourceId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Cursors, TableKeys.Escape(sourceId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Cursor") : null;
    }

    public async Task SaveCursorAsync(string sourceId, string cursor, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Cursors, TableKeys.Escape(sourceId)) { ["Cursor"] = cursor }, TableUpdateMode.Replace, cancellationToken);
    }
}
