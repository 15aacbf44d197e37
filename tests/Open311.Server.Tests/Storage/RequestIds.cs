using Azure.Data.Tables;
using Open311.Core.Requests;
using Open311.Server.Tests.Infrastructure;
using Open311.Storage;
using Open311.Storage.Requests;
using Open311.Storage.Tables;

namespace Open311.Server.Tests.Storage;

/// <summary>
/// The request store's ids on real Azurite: unique under contention within an instance and across instances, never
/// handed out twice even when the counter row goes backwards (Azurite killed before it saved), short and numeric.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestIds(AzuriteFixture azurite)
{
    private readonly StorageOptions options = new() { TablePrefix = "ids" + Guid.NewGuid().ToString("N")[..8] };

    [Fact]
    public async Task ThirtyTwoWritersInOneInstanceGetDistinctIdsAndNoFailures()
    {
        var store = Store(new RequestIdAllocator(options));

        var created = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => store.CreateAsync(Draft(i), CancellationToken.None))));

        var ids = created.Select(c => long.Parse(c.Request.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(32, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (long)i), ids.Order());
    }

    [Fact]
    public async Task FourInstancesRacingForTheCounterStillGetDistinctIds()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Store(new RequestIdAllocator(options))).ToList();

        var created = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => stores[i % 4].CreateAsync(Draft(i), CancellationToken.None))));

        Assert.Equal(64, created.Select(c => c.Request.Id).Distinct().Count());
        Assert.All(created, c => Assert.True(c.Request.Id.Length <= 3, c.Request.Id));
    }

    [Fact]
    public async Task ACounterThatWentBackwardsNeverRepeatsAnIdInTheSameProcess()
    {
        var store = Store(new RequestIdAllocator(options));
        var before = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => store.CreateAsync(Draft(i), CancellationToken.None)));
        await SetCounterAsync(3);

        var after = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => store.CreateAsync(Draft(100 + i), CancellationToken.None)));

        Assert.Empty(before.Select(c => c.Request.Id).Intersect(after.Select(c => c.Request.Id)));
    }

    [Fact]
    public async Task AfterARestartTheConfiguredGapKeepsLostIdsFromComingBack()
    {
        var first = Store(new RequestIdAllocator(options));
        var lost = await first.CreateAsync(Draft(1), CancellationToken.None);
        await SetCounterAsync(0);

        var restarted = Store(new RequestIdAllocator(new StorageOptions { TablePrefix = options.TablePrefix, IdGapAfterRestart = 1000 }));
        var next = await restarted.CreateAsync(Draft(2), CancellationToken.None);

        Assert.Equal("1", lost.Request.Id);
        Assert.Equal("1001", next.Request.Id);
    }

    private TableRequestStore Store(RequestIdAllocator ids) =>
        new(new TableProvider(new TableServiceClient(azurite.ConnectionString), options), ids);

    private async Task SetCounterAsync(long next)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(options.TablePrefix + TableProvider.Requests);
        await table.UpsertEntityAsync(new TableEntity("riverton.example", RequestRows.Counter) { ["Next"] = next }, TableUpdateMode.Replace);
    }

    private static ServiceRequest Draft(int n) => new()
    {
        Id = string.Empty,
        JurisdictionId = "riverton.example",
        ServiceCode = "pothole",
        Status = RequestStatus.Open,
        Description = $"report {n}",
        RequestedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
