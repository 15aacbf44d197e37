using Azure.Data.Tables;
using Open311.Core.Intake;
using Open311.Server.Tests.Infrastructure;
using Open311.Storage;
using Open311.Storage.Intake;
using Open311.Storage.Tables;

namespace Open311.Server.Tests.Intake;

/// <summary>The intake list is read newest first from its index, across sources or for one, and a record seen again moves up, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakeListsNewestFirst(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheNewestRecordsComeFirstWhateverTheirKeys()
    {
        var store = new TableIntakeStore(new TableProvider(new TableServiceClient(azurite.ConnectionString), new StorageOptions { TablePrefix = "il" + Guid.NewGuid().ToString("N")[..8] }));
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            // External ids sort the other way round from time, so a key-order prefix would come out wrong.
            await store.SaveAsync(Record(i % 2 == 0 ? "mail" : "crisis", $"{99 - i:D2}", start.AddMinutes(i), i % 3 == 0 ? IntakeOutcome.NeedsLocation : IntakeOutcome.Created), CancellationToken.None);
        }

        var seenAgain = (await store.GetAsync("mail", "99", CancellationToken.None))! with { LastSeenAt = start.AddHours(1), Deliveries = 2 };
        await store.SaveAsync(seenAgain, CancellationToken.None);

        var all = await store.ListAsync(null, null, 5, CancellationToken.None);
        var mail = await store.ListAsync("mail", null, 100, CancellationToken.None);
        var waiting = await store.ListAsync(null, IntakeOutcome.NeedsLocation, 100, CancellationToken.None);

        Assert.Equal(["mail:99", "crisis:70", "mail:71", "crisis:72", "mail:73"], all.Select(r => r.IntakeId));
        Assert.Equal(15, mail.Count);
        Assert.Equal(mail.OrderByDescending(r => r.LastSeenAt).Select(r => r.IntakeId), mail.Select(r => r.IntakeId));
        Assert.Equal(10, waiting.Count);
        Assert.All(waiting, r => Assert.Equal(IntakeOutcome.NeedsLocation, r.Outcome));
    }

    private static IntakeRecord Record(string source, string id, DateTimeOffset at, string outcome) => new()
    {
        IntakeId = IntakeRecord.IdOf(source, id),
        SourceId = source,
        ExternalId = id,
        Outcome = outcome,
        Reason = "test",
        FirstSeenAt = at,
        LastSeenAt = at,
    };
}
