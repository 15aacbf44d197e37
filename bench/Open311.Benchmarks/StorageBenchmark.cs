using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Requests;
using Open311.Storage.Requests;
using Open311.Testing;

namespace Open311.Benchmarks;

/// <summary>Our GET by id, GET list and POST against the raw TableClient calls each one needs, on one Azurite, in one process.</summary>
public static class StorageBenchmark
{
    public static async Task RunAsync()
    {
        var stored = int.Parse(Environment.GetEnvironmentVariable("BENCH_REQUESTS") ?? "10000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "200", CultureInfo.InvariantCulture);
        const string Town = "riverton.example";
        const string Prefix = "bench";

        Console.WriteLine($"Starting Azurite and seeding {stored:N0} requests…");
        await using var azurite = await AzuriteProcess.StartAsync();

        // WebApplicationFactory finds the server's content root from test-project metadata; a console app names it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OPEN311_SERVER", RepoPaths.Of("src", "Open311.Server"));
        await using var app = new BenchApp(azurite.ConnectionString, Prefix);
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchApp.AdminKey);
        (await admin.PutAsync($"/open311/manage/jurisdictions/{Town}", new StringContent(File.ReadAllText(RepoPaths.Of("samples", "riverton.json")), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var keyAnswer = await admin.PostAsJsonAsync("/open311/manage/keys", new { name = "bench", rate_per_minute = 100_000 });
        var apiKey = JsonNode.Parse(await keyAnswer.Content.ReadAsStringAsync())!["api_key"]!.GetValue<string>();

        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(Prefix + "Requests");
        await table.CreateIfNotExistsAsync();
        var now = DateTimeOffset.UtcNow;
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await Seeder.SeedAsync(table, Town, stored, now);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s.");

        var store = app.Services.GetRequiredService<IRequestStore>();
        var http = app.CreateClient();
        var random = new Random(311);
        string AnyId() => random.Next(1, stored + 1).ToString(CultureInfo.InvariantCulture);
        var partition = RequestRows.Partition(Town);
        var results = new List<Result>();

        results.AddRange(await Measure.CompareAsync("GET one request", 20, rounds,
            ("raw TableClient point read", () => table.GetEntityAsync<TableEntity>(partition, RequestRows.Primary(AnyId()))),
            ("IRequestStore.GetAsync", () => store.GetAsync(Town, AnyId(), CancellationToken.None)),
            ("HTTP GET v2/requests/{id}.json", () => Get($"/open311/v2/requests/{AnyId()}.json")),
            ("HTTP GET discovery.json (no storage call: the HTTP stack alone)", () => Get("/open311/discovery.json"))));

        var defaultQuery = new RequestQuery { Start = now.AddDays(-90), End = now.AddSeconds(1) };
        var low = RequestRows.DatePrefix + Open311.Storage.Tables.TableKeys.InvertedTicks(defaultQuery.End);
        var high = RequestRows.DatePrefix + Open311.Storage.Tables.TableKeys.InvertedTicks(defaultQuery.Start) + "~";
        var rangeFilter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
        results.AddRange(await Measure.CompareAsync("GET requests (1,000 of 10,000)", 3, Math.Max(10, rounds / 10),
            ("raw TableClient range query, one 1,000-row page", async () =>
            {
                await foreach (var page in table.QueryAsync<TableEntity>(rangeFilter, maxPerPage: 1000).AsPages())
                {
                    if (page.Values.Count != 1000) throw new InvalidOperationException($"raw page held {page.Values.Count}");
                    break;
                }
            }),
            ("IRequestStore.QueryAsync", async () =>
            {
                var list = await store.QueryAsync(Town, defaultQuery, CancellationToken.None);
                if (list.Count != 1000) throw new InvalidOperationException($"store returned {list.Count}");
            }),
            ("HTTP GET v2/requests.json", () => Get("/open311/v2/requests.json"))));

        var template = RequestEntityMapper.ToPrimary(new ServiceRequest
        {
            Id = "0", JurisdictionId = Town, ServiceCode = "pothole", ServiceName = "Pothole", Status = RequestStatus.Open,
            Description = "Deep hole by the school", RequestedAt = now, UpdatedAt = now, Lat = 44.2, Long = -72.57,
            Attributes = [new SubmittedAttribute("size", ["large"])], Notes = [new RequestNote(now, "opened", "Request received", null)],
        });
        results.AddRange(await Measure.CompareAsync("POST a request", 10, rounds,
            ("raw TableClient counter read + 6-entity transaction", () => RawCreateAsync(table, partition, template)),
            ("IRequestStore.CreateAsync", () => store.CreateAsync(new ServiceRequest
            {
                Id = string.Empty, JurisdictionId = Town, ServiceCode = "pothole", ServiceName = "Pothole", Status = RequestStatus.Open,
                Description = "Deep hole by the school", RequestedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Lat = 44.2, Long = -72.57,
                Attributes = [new SubmittedAttribute("size", ["large"])], Notes = [new RequestNote(now, "opened", "Request received", null)],
            }, CancellationToken.None)),
            ("HTTP POST v2/requests.json", async () =>
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["api_key"] = apiKey, ["service_code"] = "pothole", ["lat"] = "44.2", ["long"] = "-72.57", ["attribute[size]"] = "large", ["description"] = "Deep hole by the school",
                });
                var response = await http.PostAsync("/open311/v2/requests.json", form);
                response.EnsureSuccessStatusCode();
            })));

        Console.WriteLine();
        Console.WriteLine($"| operation | variant | median ms | p90 ms | × raw |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Operation} | {r.Variant} | {r.MedianMs:F2} | {r.P90Ms:F2} | {r.Ratio:F2} |"));
        }

        async Task Get(string path)
        {
            using var response = await http.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
    }

    private static async Task RawCreateAsync(TableClient table, string partition, TableEntity template)
    {
        var counter = await table.GetEntityAsync<TableEntity>(partition, RequestRows.Counter);
        var next = counter.Value.GetInt64("Next")!.Value + 1;
        var id = next.ToString(CultureInfo.InvariantCulture);
        var inv = Open311.Storage.Tables.TableKeys.InvertedTicks(DateTimeOffset.UtcNow);
        TableEntity Row(string rowKey) => new(template) { PartitionKey = partition, RowKey = rowKey, ["Id"] = id };
        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, RequestRows.Counter) { ["Next"] = next }, counter.Value.ETag),
            new(TableTransactionActionType.Add, Row("r|" + id)),
            new(TableTransactionActionType.Add, Row($"d|{inv}|{id}")),
            new(TableTransactionActionType.Add, Row($"s|open|{inv}|{id}")),
            new(TableTransactionActionType.Add, Row($"c|pothole|{inv}|{id}")),
            new(TableTransactionActionType.Add, Row($"u|{inv}|{id}")),
        ]);
    }
}
