using Azure.Data.Tables;
using Open311.Core.Intake;
using Open311.Storage.Tables;

namespace Open311.Storage.Intake;

/// <summary>Connector source documents: one partition, one row per source.</summary>
public sealed class TableSourceStore(TableProvider tables) : ISourceStore
{
    private const string Partition = "sources";

    public async Task<string?> GetAsync(string sourceId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(sourceId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Document") : null;
    }

    public async Task PutAsync(string sourceId, string documentJson, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Sources, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Escape(sourceId)) { ["Document"] = documentJson }, TableUpdateMode.Replace, cancellationToken);
    }
}
