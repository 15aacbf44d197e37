using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Open311.Chaos;
using Open311.Testing;

// A bounded fault run: the Kestrel server on Azurite (on disk), clients writing, reading and delivering webhooks,
// storage stopped and started again in the middle; then every acknowledged write is looked for. See docs/reliability.md.
var options = ChaosOptions.Parse(args);
Console.WriteLine($"Chaos run: {options}");

var data = Directory.CreateTempSubdirectory("open311-chaos-").FullName;
var ports = (ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort());
var azurite = await AzuriteProcess.StartAsync(data, ports);
await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, options.Server);
var (apiKey, admin) = await SeedAsync(server.BaseUrl);

var ledger = new Ledger();
var clock = Stopwatch.StartNew();
var load = new Load(server.BaseUrl, apiKey, ledger, clock);
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
var clients = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(() => load.WriteAsync(stop.Token)))
    .Concat(Enumerable.Range(0, options.Readers).Select(_ => Task.Run(() => load.ReadAsync(stop.Token))))
    .Concat(Enumerable.Range(0, options.Webhooks).Select(_ => Task.Run(() => load.DeliverAsync(stop.Token))))
    .ToList();

double? recovery = null;
if (options.Fault != "none")
{
    await Task.Delay(TimeSpan.FromSeconds(options.Seconds / 3.0));
    Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:N1} s  stopping Azurite ({options.Fault})");
    await azurite.StopAsync(graceful: options.Fault == "sigterm");
    await Task.Delay(TimeSpan.FromSeconds(options.Down));
    azurite = await AzuriteProcess.StartAsync(data, ports);
    load.RestartedAtTicks = clock.ElapsedTicks;
    Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:N1} s  Azurite is back");
}

await Task.WhenAll(clients);
if (ledger.FirstAckAfterRestartTicks > 0)
{
    recovery = (ledger.FirstAckAfterRestartTicks - load.RestartedAtTicks) / (double)Stopwatch.Frequency;
}

var verdict = await VerifyAsync(server.BaseUrl, admin, ledger);
var statuses = string.Join(", ", ledger.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"));
Console.WriteLine();
Console.WriteLine("| run | reports sent | acknowledged | lost | duplicated | ids reused | webhooks acked | webhooks lost | 5xx other than 503 | 503 without Retry-After | recovery |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {options.Writers} writers, {options.Fault} | {ledger.Sent:N0} | {ledger.Acknowledged.Count:N0} | {verdict.Lost} | {verdict.Duplicated} | {verdict.Reused} | {ledger.Delivered.Count:N0} | {verdict.WebhooksLost} | {ledger.ServerErrors} | {load.UnavailableWithoutRetryAfter} | {(recovery is { } r ? $"{r:N1} s" : "–")} |"));
Console.WriteLine($"statuses: {statuses}; connection errors: {ledger.NetworkErrors:N0}");

await azurite.StopAsync(graceful: true);
await azurite.DisposeAsync();
Directory.Delete(data, recursive: true);
return verdict.Lost + verdict.Duplicated + verdict.Reused + ledger.ServerErrors + load.UnavailableWithoutRetryAfter > 0 && options.Fault != "sigkill" ? 1 : 0;

static async Task<(string ApiKey, HttpClient Admin)> SeedAsync(string baseUrl)
{
    var admin = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    admin.DefaultRequestHeaders.Authorization = new("Bearer", ServerProcess.AdminKey);
    (await admin.PutAsync("/open311/manage/jurisdictions/riverton.example", new StringContent(File.ReadAllText(RepoPaths.Of("samples", "riverton.json")), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    var key = await (await admin.PostAsJsonAsync("/open311/manage/keys", new { name = "chaos", rate_per_minute = 100_000 })).Content.ReadFromJsonAsync<JsonObject>();
    var source = new { type = "ushahidi", deployment_url = "https://crisis.example.org", webhook_url = Load.WebhookUrl, webhook_secret = Load.WebhookSecret, category_map = new Dictionary<string, string> { ["tag:12"] = "pothole" } };
    (await admin.PutAsJsonAsync("/open311/manage/sources/chaos", source)).EnsureSuccessStatusCode();
    return (key!["api_key"]!.GetValue<string>(), admin);
}

// Every acknowledged report must still be there under its id, once; every acknowledged post must have its record.
static async Task<(int Lost, int Duplicated, int Reused, int WebhooksLost)> VerifyAsync(string baseUrl, HttpClient admin, Ledger ledger)
{
    int lost = 0, reused = 0, webhooksLost = 0;
    foreach (var (marker, id) in ledger.Acknowledged)
    {
        var response = await admin.GetAsync($"/open311/manage/requests/{id}?jurisdiction_id=riverton.example");
        if (!response.IsSuccessStatusCode)
        {
            lost++;
        }
        else if (!(await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
        {
            reused++;
        }
    }

    reused += ledger.Acknowledged.Count - ledger.Acknowledged.Values.Distinct().Count();
    var seen = new Dictionary<string, int>();
    using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    for (var page = 1; ; page++)
    {
        var list = JsonNode.Parse(await client.GetStringAsync($"{baseUrl}/open311/v2/requests.json?page_size=1000&page={page}"))!.AsArray();
        foreach (var request in list)
        {
            var text = request!["description"]?.GetValue<string>() ?? string.Empty;
            if (text.StartsWith("chaos ", StringComparison.Ordinal))
            {
                seen[text] = seen.GetValueOrDefault(text) + 1;
            }
        }

        if (list.Count < 1000)
        {
            break;
        }
    }

    foreach (var post in ledger.Delivered.Keys)
    {
        webhooksLost += (await admin.GetAsync($"/open311/manage/intake/chaos:{post}")).IsSuccessStatusCode ? 0 : 1;
    }

    return (lost, seen.Values.Count(n => n > 1), reused, webhooksLost);
}
