using Azure.Data.Tables;
using Open311.Core.Requests;

namespace Open311.Storage.Requests;

/// <summary>
/// Runs a GET requests query as range scans over the index rows: one range per requested service code (or
/// status), each already newest first, merged by time. Filters the index cannot express are applied to the
/// rows as they stream by; scanning stops as soon as the page is full.
/// </summary>
internal sealed class IndexScan(TableClient table, string partition, string jurisdictionId, RequestQuery query)
{
    public async Task<IReadOnlyList<ServiceRequest>> RunAsync(CancellationToken cancellationToken)
    {
        var wanted = query.Skip + query.Take;
        var pageSize = Math.Clamp(wanted, 1, 1000);
        var cursors = new List<IAsyncEnumerator<TableEntity>>();
        try
        {
            foreach (var prefix in Prefixes())
            {
                var (from, to) = query.ByUpdated ? (query.UpdatedAfter!.Value, query.UpdatedBefore!.Value) : (query.Start, query.End);
                var low = prefix + Tables.TableKeys.InvertedTicks(to);
                var high = prefix + Tables.TableKeys.InvertedTicks(from) + "~";
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
                var cursor = table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
                if (await cursor.MoveNextAsync())
                {
                    cursors.Add(cursor);
                }
                else
                {
                    await cursor.DisposeAsync();
                }
            }

            var results = new List<ServiceRequest>(Math.Min(query.Take, 1000));
            var matched = 0;
            while (cursors.Count > 0)
            {
                var newest = Newest(cursors);
                var entity = cursors[newest].Current;
                if (Matches(entity) && matched++ >= query.Skip)
                {
                    results.Add(RequestEntityMapper.FromEntity(entity, jurisdictionId, query.Extensions));
                }

                // Stop before advancing: moving past the last row of a page would fetch the next page for nothing.
                if (matched >= wanted)
                {
                    break;
                }

                if (!await cursors[newest].MoveNextAsync())
                {
                    await cursors[newest].DisposeAsync();
                    cursors.RemoveAt(newest);
                }
            }

            return results;
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                await cursor.DisposeAsync();
            }
        }
    }

    private IEnumerable<string> Prefixes()
    {
        if (query.ByUpdated)
        {
            return [RequestRows.UpdatedPrefix];
        }

        if (query.ServiceCodes.Count > 0)
        {
            return query.ServiceCodes.Select(RequestRows.CodePrefix);
        }

        return query.Statuses.Count > 0 ? query.Statuses.Select(RequestRows.StatusPrefix) : [RequestRows.DatePrefix];
    }

    /// <summary>Index rows carry the time right after the prefix, so the smallest key suffix is the newest row.</summary>
    private static int Newest(List<IAsyncEnumerator<TableEntity>> cursors)
    {
        var best = 0;
        for (var i = 1; i < cursors.Count; i++)
        {
            if (TimePart(cursors[i].Current.RowKey).SequenceCompareTo(TimePart(cursors[best].Current.RowKey)) < 0)
            {
                best = i;
            }
        }

        return best;
    }

    private static ReadOnlySpan<char> TimePart(string rowKey)
    {
        var end = rowKey.LastIndexOf('|');
        return rowKey.AsSpan(end - 19, 19);
    }

    /// <summary>The filters the chosen index cannot express, read straight from the row before mapping it.</summary>
    private bool Matches(TableEntity row) =>
        (query.IncludePrivate || row.GetBoolean("Private") != true)
        && query.TextMatches(row.GetString("Id"), row.GetString("Description"), row.GetString("Address"), row.GetString("ServiceName"))
        && (query.Statuses.Count == 0 || query.Statuses.Contains(row.GetString("Status")))
        && (query.ServiceCodes.Count == 0 || query.ServiceCodes.Contains(row.GetString("ServiceCode")))
        && (!query.ByUpdated || InWindow(row.GetDateTimeOffset("RequestedAt")));

    private bool InWindow(DateTimeOffset? requestedAt) => requestedAt >= query.Start && requestedAt <= query.End;
}
