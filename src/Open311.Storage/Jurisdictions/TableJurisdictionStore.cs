using Azure;
using Azure.Data.Tables;
using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;
using Open311.Storage.Tables;

namespace Open311.Storage.Jurisdictions;

/// <summary>
/// Jurisdiction documents in one partition of the Jurisdictions table: row <c>j|{id}</c> per document (its JSON
/// split over string properties of at most 30,000 characters, since one property holds 64 KiB) and row
/// <c>stamp</c>, rewritten in the same transaction as every document so caches can tell that something changed.
/// </summary>
public sealed class TableJurisdictionStore(TableProvider tables) : IJurisdictionStore
{
    public const string Partition = "jurisdictions";
    public const string StampRow = "stamp";
    public async Task<string?> GetStampAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Jurisdictions, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, StampRow, ["Stamp"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("Stamp") : null;
    }

    public async Task<IReadOnlyList<StoredJurisdiction>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Jurisdictions, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"j|"} and RowKey lt {"j}"}");
        var list = new List<StoredJurisdiction>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToStored(entity));
        }

        return list;
    }

    public async Task<StoredJurisdiction?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Jurisdictions, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(id), cancellationToken: cancellationToken);
        return row.HasValue ? ToStored(row.Value!) : null;
    }

    public async Task<StoredJurisdiction> PutAsync(string id, string documentJson, string? ifMatch, CancellationToken cancellationToken)
    {
        var entity = ToEntity(id, documentJson);
        var stamp = NewStamp();
        TableTransactionAction write = ifMatch is null
            ? new(TableTransactionActionType.UpsertReplace, entity)
            : new(TableTransactionActionType.UpdateReplace, entity, new ETag(ifMatch));
        var table = await tables.GetAsync(TableProvider.Jurisdictions, cancellationToken);
        try
        {
            var responses = await TableTransactions.SubmitAsync(table, [write, new(TableTransactionActionType.UpsertReplace, stamp)], cancellationToken);
            return new StoredJurisdiction(id, documentJson, responses[0].Headers.ETag?.ToString() ?? string.Empty, DateTimeOffset.UtcNow);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new Open311Exception(412, $"Jurisdiction '{InputText.Quote(id)}' changed since you read it (or does not exist): read it again and reapply your change.");
        }
    }

    public async Task PutManyAsync(IReadOnlyList<(string Id, string Json)> documents, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Jurisdictions, cancellationToken);
        var batch = new List<TableTransactionAction>();
        long batchChars = 0;
        foreach (var (id, json) in documents)
        {
            // Leave room for the stamp row: ≤ 99 documents, and well under the 4 MiB payload of one transaction.
            if (batch.Count == TableTransactions.MaxActions - 1 || batchChars + json.Length > MaxBatchChars)
            {
                await SubmitWithStampAsync(table, batch, cancellationToken);
                batch.Clear();
                batchChars = 0;
            }

            batch.Add(new(TableTransactionActionType.UpsertReplace, ToEntity(id, json)));
            batchChars += json.Length;
        }

        if (batch.Count > 0)
        {
            await SubmitWithStampAsync(table, batch, cancellationToken);
        }
    }

    /// <summary>Characters of JSON per transaction: UTF-16 on the wire is 2 bytes each, so 1.5M chars ≈ 3 MiB of 4.</summary>
    private const int MaxBatchChars = 1_500_000;

    private static Task SubmitWithStampAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken) =>
        TableTransactions.SubmitAsync(table, [.. batch, new(TableTransactionActionType.UpsertReplace, NewStamp())], cancellationToken);

    private static TableEntity NewStamp() => new(Partition, StampRow) { ["Stamp"] = Guid.NewGuid().ToString("N") };

    private static TableEntity ToEntity(string id, string documentJson)
    {
        if (documentJson.Length > LongText.MaxLength)
        {
            throw new Open311Exception(413, $"The jurisdiction document of '{InputText.Quote(id)}' is {documentJson.Length:N0} characters; at most {LongText.MaxLength:N0} fit. Simplify the boundary.");
        }

        var entity = new TableEntity(Partition, RowKey(id)) { ["Id"] = id };
        LongText.Write(entity, documentJson);
        return entity;
    }

    private static string RowKey(string id) => "j|" + TableKeys.Escape(id);

    private static StoredJurisdiction ToStored(TableEntity entity)
    {
        return new StoredJurisdiction(entity.GetString("Id"), LongText.Read(entity), entity.ETag.ToString(), entity.Timestamp ?? DateTimeOffset.UnixEpoch);
    }
}
