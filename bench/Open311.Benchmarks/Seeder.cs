using Azure.Data.Tables;
using Open311.Core.Requests;
using Open311.Storage.Requests;

namespace Open311.Benchmarks;

/// <summary>
/// Writes N requests straight into the Requests table in the exact row layout of TableRequestStore (primary,
/// four index rows, the counter), many requests per transaction, so seeding 10,000 takes seconds, not minutes.
/// </summary>
public static class Seeder
{
    public static async Task SeedAsync(TableClient table, string jurisdictionId, int count, DateTimeOffset now)
    {
        const int requestsPerBatch = 19; // 5 rows each: 95 of the 100 entities an EGT may hold
        var batch = new List<TableTransactionAction>();
        for (var i = 1; i <= count; i++)
        {
            var requestedAt = now.AddMinutes(-(count - i) * 8);
            var request = new ServiceRequest
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JurisdictionId = jurisdictionId,
                ServiceCode = i % 3 == 0 ? "graffiti" : "pothole",
                ServiceName = i % 3 == 0 ? "Graffiti" : "Pothole",
                Status = i % 4 == 0 ? RequestStatus.Closed : RequestStatus.Open,
                Description = "Large pothole in the eastbound lane near the bus stop, about a metre wide.",
                RequestedAt = requestedAt,
                UpdatedAt = requestedAt,
                Lat = 44.2 + (i % 100) * 0.0001,
                Long = -72.57 - (i % 100) * 0.0001,
                Address = $"{i % 300} Main Street, Riverton",
                Notes = [new RequestNote(requestedAt, "opened", "Request received", null)],
                Requester = new Requester("resident@example.org", "Ann", "Example", "555-0101", null, null),
            };
            batch.Add(new(TableTransactionActionType.UpsertReplace, RequestEntityMapper.ToPrimary(request)));
            foreach (var key in new[] { RequestRows.ByDate(request), RequestRows.ByStatus(request), RequestRows.ByCode(request), RequestRows.ByUpdated(request) })
            {
                batch.Add(new(TableTransactionActionType.UpsertReplace, RequestEntityMapper.ToIndex(request, key)));
            }

            if (i % requestsPerBatch == 0 || i == count)
            {
                await table.SubmitTransactionAsync(batch);
                batch.Clear();
            }
        }

        await table.UpsertEntityAsync(new TableEntity(RequestRows.Partition(jurisdictionId), RequestRows.Counter) { ["Next"] = (long)count });
    }
}
