using Azure;
using Azure.Data.Tables;
using Open311.Core.Protocol;
using Open311.Core.Requests;
using Open311.Core.Updates;
using Open311.Storage.Tables;

namespace Open311.Storage.Requests;

/// <summary>Requests on Azure Table Storage; the key design is in docs/storage.md and <see cref="RequestRows"/>.</summary>
public sealed class TableRequestStore(TableProvider tables, RequestIdAllocator ids) : IRequestStore
{
    private const int MaxCreateAttempts = 5;

    public async Task<CreateOutcome> CreateAsync(ServiceRequest draft, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        var partition = RequestRows.Partition(draft.JurisdictionId);
        for (var attempt = 1; ; attempt++)
        {
            var request = draft with { Id = await ids.NextAsync(table, partition, cancellationToken) };
            var actions = new List<TableTransactionAction>();
            if (request.ExternalId is { } externalId)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, RequestRows.External(externalId)) { ["RequestId"] = request.Id }));
            }

            if (request.Token is { } token)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, RequestRows.Token(token)) { ["RequestId"] = request.Id }));
            }

            actions.Add(new(TableTransactionActionType.Add, RequestEntityMapper.ToPrimary(request)));
            actions.AddRange(IndexRows(request).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));

            try
            {
                await TableTransactions.SubmitAsync(table, actions, cancellationToken);
                return new CreateOutcome(request, Duplicate: false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && attempt < MaxCreateAttempts)
            {
                // Something already exists; which row says what it means.
                if (request.ExternalId is not null && await FindByExternalIdAsync(table, partition, request.JurisdictionId, request.ExternalId, cancellationToken) is { } existing)
                {
                    return new CreateOutcome(existing, Duplicate: true);
                }

                if ((await table.GetEntityIfExistsAsync<TableEntity>(partition, RequestRows.Primary(request.Id), select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue)
                {
                    ids.Taken(partition);
                    continue;
                }

                throw;
            }
        }
    }

    public async Task<StoredRequest?> GetAsync(string jurisdictionId, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(RequestRows.Partition(jurisdictionId), RequestRows.Primary(id), cancellationToken: cancellationToken);
        return row.HasValue ? new StoredRequest(RequestEntityMapper.FromEntity(row.Value!, jurisdictionId), row.Value!.ETag.ToString()) : null;
    }

    public async Task<string?> FindIdByTokenAsync(string jurisdictionId, string token, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(RequestRows.Partition(jurisdictionId), RequestRows.Token(token), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("RequestId") : null;
    }

    public async Task<IReadOnlyList<ServiceRequest>> QueryAsync(string jurisdictionId, RequestQuery query, CancellationToken cancellationToken)
    {
        if (query.Take == 0 && query.Ids.Count == 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        if (query.Ids.Count > 0)
        {
            var found = await Task.WhenAll(query.Ids.Select(id => GetAsync(jurisdictionId, id, cancellationToken)));
            return found.OfType<StoredRequest>().Where(s => !s.Request.Private).Select(s => PublicOnly(s.Request)).ToList();
        }

        return await new IndexScan(table, RequestRows.Partition(jurisdictionId), jurisdictionId, query).RunAsync(cancellationToken);
    }

    public async Task<StoredRequest> ReplaceAsync(ServiceRequest before, ServiceRequest after, string etag, StatusUpdate? update, CancellationToken cancellationToken)
    {
        if (before.Id != after.Id || before.JurisdictionId != after.JurisdictionId || before.RequestedAt != after.RequestedAt || before.ServiceCode != after.ServiceCode)
        {
            throw new InvalidOperationException("A replace may not change the request's identity, time or service.");
        }

        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        var partition = RequestRows.Partition(after.JurisdictionId);

        // The primary row's ETag guards the whole batch: if it is stale nothing is written, so the index rows
        // (which carry no ETag of their own here) can never drift from the primary.
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, RequestEntityMapper.ToPrimary(after), new ETag(etag)),
        };
        AddMove(actions, partition, RequestRows.ByStatus(before), RequestRows.ByStatus(after), after);
        AddMove(actions, partition, RequestRows.ByUpdated(before), RequestRows.ByUpdated(after), after);
        actions.Add(new(TableTransactionActionType.UpsertReplace, RequestEntityMapper.ToIndex(after, RequestRows.ByDate(after))));
        actions.Add(new(TableTransactionActionType.UpsertReplace, RequestEntityMapper.ToIndex(after, RequestRows.ByCode(after))));
        if (update is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, UpdateEntityMapper.ToEntity(update)));
            if (update.ClientUpdateId is { } clientId)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, RequestRows.ClientUpdate(clientId)) { ["UpdateKey"] = RequestRows.Update(update) }));
            }
        }

        try
        {
            var responses = await TableTransactions.SubmitAsync(table, actions, cancellationToken);
            return new StoredRequest(after, responses[0].Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && update?.ClientUpdateId is not null)
        {
            // The only row a replace adds that can exist already is the client's update id: a repeated POST.
            throw await FindUpdateAsync(after.JurisdictionId, update.ClientUpdateId, cancellationToken) is { } earlier
                ? new UpdateExistsException(earlier)
                : ex;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            // Only the primary row carries a condition; if it still has the ETag, the failure was something else.
            var now = await table.GetEntityIfExistsAsync<TableEntity>(partition, RequestRows.Primary(after.Id), select: ["PartitionKey"], cancellationToken: cancellationToken);
            if (now.HasValue && now.Value!.ETag.ToString() == etag)
            {
                throw;
            }

            throw new Open311Exception(412, "The request changed since you read it: read it again and reapply your change.");
        }
    }

    public async Task<StatusUpdate?> FindUpdateAsync(string jurisdictionId, string clientUpdateId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        var partition = RequestRows.Partition(jurisdictionId);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partition, RequestRows.ClientUpdate(clientUpdateId), cancellationToken: cancellationToken);
        if (!pointer.HasValue || pointer.Value!.GetString("UpdateKey") is not { } key)
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
        return row.HasValue ? UpdateEntityMapper.FromEntity(row.Value!, jurisdictionId) : null;
    }

    public async Task<IReadOnlyList<StatusUpdate>> ListUpdatesAsync(string jurisdictionId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableProvider.Requests, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RequestRows.Partition(jurisdictionId)} and RowKey ge {RequestRows.UpdateFrom(from)} and RowKey lt {RequestRows.UpdateFrom(to.AddTicks(1))}");
        var found = new List<StatusUpdate>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(take, 1, 1000), cancellationToken: cancellationToken))
        {
            var update = UpdateEntityMapper.FromEntity(row, jurisdictionId);
            if (!update.Private)
            {
                found.Add(update with { Contact = Requester.None, ClientUpdateId = null });
            }

            if (found.Count >= take)
            {
                break;
            }
        }

        return found;
    }

    private static void AddMove(List<TableTransactionAction> actions, string partition, string oldKey, string newKey, ServiceRequest after)
    {
        if (oldKey != newKey)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, oldKey), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, RequestEntityMapper.ToIndex(after, newKey)));
        }
        else
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, RequestEntityMapper.ToIndex(after, newKey)));
        }
    }

    private static IEnumerable<TableEntity> IndexRows(ServiceRequest r) =>
    [
        RequestEntityMapper.ToIndex(r, RequestRows.ByDate(r)),
        RequestEntityMapper.ToIndex(r, RequestRows.ByStatus(r)),
        RequestEntityMapper.ToIndex(r, RequestRows.ByCode(r)),
        RequestEntityMapper.ToIndex(r, RequestRows.ByUpdated(r)),
    ];

    private static async Task<ServiceRequest?> FindByExternalIdAsync(TableClient table, string partition, string jurisdictionId, string externalId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, RequestRows.External(externalId), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetString("RequestId") is not { } id)
        {
            return null;
        }

        var primary = await table.GetEntityIfExistsAsync<TableEntity>(partition, RequestRows.Primary(id), cancellationToken: cancellationToken);
        return primary.HasValue ? RequestEntityMapper.FromEntity(primary.Value!, jurisdictionId) : null;
    }

    private static ServiceRequest PublicOnly(ServiceRequest r) => r with { Requester = Requester.None, ExternalId = null };
}
