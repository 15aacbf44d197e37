using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Open311.Core.Protocol;

namespace Open311.Storage.Requests;

/// <summary>
/// Hands out a jurisdiction's short numeric request ids. Each instance reserves a block of ids from the partition's
/// counter row with one conditional write and then hands them out from memory, so concurrent POSTs do not race on
/// one row (at 32 concurrent writers a counter written per request lost half its races). Ids never go backwards in a
/// process even if storage does (Azurite killed and restarted keeps only what it had saved); after a restart, the
/// first block can start <see cref="StorageOptions.IdGapAfterRestart"/> ids further on, for storage that may have
/// lost its latest writes. A reservation that keeps losing races backs off with jitter, then gives up with
/// <see cref="StorageUnavailableException"/> (503 with Retry-After), never a 500.
/// </summary>
public sealed class RequestIdAllocator(StorageOptions options)
{
    public const int BlockSize = 10;
    public const int MaxAttempts = 8;

    private readonly ConcurrentDictionary<string, Block> blocks = new();

    public async Task<string> NextAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var block = blocks.GetOrAdd(partition, _ => new Block());
        await block.Gate.WaitAsync(cancellationToken);
        try
        {
            if (block.Next > block.Last)
            {
                await ReserveAsync(table, partition, block, cancellationToken);
            }

            return (block.Next++).ToString(CultureInfo.InvariantCulture);
        }
        finally
        {
            block.Gate.Release();
        }
    }

    /// <summary>An id of the current block turned out to be taken (the counter row went backwards): drop the block.</summary>
    public void Taken(string partition)
    {
        if (blocks.TryGetValue(partition, out var block))
        {
            block.Next = block.Last + 1;
        }
    }

    private async Task ReserveAsync(TableClient table, string partition, Block block, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, RequestRows.Counter, cancellationToken: cancellationToken);
            var stored = counter.HasValue ? counter.Value!.GetInt64("Next") ?? 0 : 0;
            var gap = block.HighWater == 0 && counter.HasValue ? options.IdGapAfterRestart : 0;
            var first = Math.Max(stored, block.HighWater) + 1 + gap;
            var last = first + BlockSize - 1;
            var row = new TableEntity(partition, RequestRows.Counter) { ["Next"] = last };
            try
            {
                if (counter.HasValue)
                {
                    await table.UpdateEntityAsync(row, counter.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }

                (block.Next, block.Last, block.HighWater) = (first, last, last);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                if (attempt == MaxAttempts)
                {
                    throw new StorageUnavailableException("Too many requests are being created at once in this jurisdiction; try again in a moment.", TimeSpan.FromSeconds(1), ex);
                }

                // Another instance reserved first: back off with jitter so the racers spread out.
                var ceiling = Math.Min(1000, 20 * (1 << attempt));
                await Task.Delay(Random.Shared.Next(ceiling / 2, ceiling), cancellationToken);
            }
        }
    }

    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Next { get; set; } = 1;

        public long Last { get; set; }

        /// <summary>The highest id this process has reserved: never handed out again, whatever the counter row says.</summary>
        public long HighWater { get; set; }
    }
}
