using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Routing;
using Open311.Testing;

namespace Open311.Benchmarks;

/// <summary>
/// Our routing index against PostGIS on the same polygons (every US county, state and the nation, repaired once by
/// us and handed to both) and the same 100,000 points: single-thread lookups per second, index build time and
/// memory, and every (point, jurisdiction) pair compared. PostGIS gets its best chance: ST_Subdivide(256) pieces,
/// a GiST index, the whole batch in one query. Needs BENCH_PG (a PostGIS database) and BENCH_BOUNDARIES
/// (the GeoJSON of tools/boundaries/us-atlas.mjs); bench/routing.sh provides both.
/// </summary>
public static class RoutingBenchmark
{
    public const int Points = 100_000;

    public static async Task RunAsync()
    {
        var folder = Environment.GetEnvironmentVariable("BENCH_BOUNDARIES") ?? RepoPaths.Of(".run", "us-atlas");
        var connection = Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("Set BENCH_PG (run bench/routing.sh).");

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var jurisdictions = Load(folder);
        var parsed = clock.Elapsed;
        var index = RoutingIndex.Build(jurisdictions);
        var built = clock.Elapsed;
        var points = RandomPoints();
        var ours = Lookup(index, points); // the first pass also builds each boundary's locator, lazily
        var firstPass = clock.Elapsed;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);

        var passes = new List<double>();
        for (var pass = 0; pass < 3; pass++)
        {
            var timer = Stopwatch.StartNew();
            var found = 0;
            foreach (var (lat, lon) in points)
            {
                found += index.Lookup(lat, lon).Count;
            }

            passes.Add(timer.Elapsed.TotalSeconds);
            if (found != ours.Count)
            {
                throw new InvalidOperationException($"pass {pass} found {found} pairs, the first pass {ours.Count}");
            }
        }

        var oursPerSecond = Points / passes.Order().ElementAt(1);

        Console.WriteLine(FormattableString.Invariant($"Ours: {jurisdictions.Count:N0} jurisdictions, {index.Vertices:N0} vertices; parse+repair {parsed.TotalSeconds:F2} s, tree {(built - parsed).TotalSeconds:F2} s, first pass (locators) {(firstPass - built).TotalSeconds:F2} s; {oursPerSecond:N0} lookups/s"));

        await using var db = NpgsqlDataSource.Create(connection);
        await LoadPostGisAsync(db, jurisdictions, points);
        var (theirs, postgisSeconds) = await QueryPostGisAsync(db);
        var postgisPerSecond = Points / postgisSeconds;

        var missing = theirs.Except(ours).ToList();
        var extra = ours.Except(theirs).ToList();
        var bytesPerVertex = (memoryAfter - memoryBefore) / (double)index.Vertices;
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(FormattableString.Invariant($"| jurisdictions / vertices | {jurisdictions.Count:N0} / {index.Vertices:N0} |"));
        Console.WriteLine(FormattableString.Invariant($"| points (uniform over the CONUS box, seed 42) / (point, jurisdiction) pairs | {Points:N0} / {ours.Count:N0} |"));
        Console.WriteLine(FormattableString.Invariant($"| ours, single thread, median of 3 passes | {oursPerSecond:N0} lookups/s |"));
        Console.WriteLine(FormattableString.Invariant($"| PostGIS, subdivided + GiST, one query, median of 3 | {postgisPerSecond:N0} lookups/s |"));
        Console.WriteLine(FormattableString.Invariant($"| ratio | {oursPerSecond / postgisPerSecond:F1}× |"));
        Console.WriteLine(FormattableString.Invariant($"| disagreements (pairs only PostGIS found / only we found) | {missing.Count} / {extra.Count} |"));
        Console.WriteLine(FormattableString.Invariant($"| index build: parse + repair, tree, locators (first pass) | {parsed.TotalSeconds:F2} s, {(built - parsed).TotalSeconds:F2} s, {(firstPass - built).TotalSeconds:F2} s |"));
        Console.WriteLine(FormattableString.Invariant($"| managed memory of boundaries + index + locators + {index.CachedCells:N0} cached cells | {(memoryAfter - memoryBefore) / 1048576.0:F1} MiB ({bytesPerVertex:F0} bytes per vertex) |"));
        foreach (var (point, id) in missing.Concat(extra).Take(10))
        {
            Console.WriteLine(FormattableString.Invariant($"  disagreement: point {point} ({points[point].Lat}, {points[point].Lon}) {id}"));
        }

        await LookupUnderLoadAsync(folder, points);
    }

    /// <summary>GET lookup.json through the whole server (TestServer, Azurite) with every tier imported, 8 clients at once.</summary>
    private static async Task LookupUnderLoadAsync(string folder, (double Lat, double Lon)[] points)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OPEN311_SERVER", RepoPaths.Of("src", "Open311.Server"));
        await using var app = new BenchApp(azurite.ConnectionString, "route");
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BenchApp.AdminKey);
        foreach (var (file, prefix, tier) in new[] { ("counties", "us-county-", "county"), ("states", "us-state-", "state"), ("nation", string.Empty, "national") })
        {
            var import = new System.Text.Json.Nodes.JsonObject { ["id_prefix"] = prefix, ["tier"] = tier, ["features"] = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file + ".geojson"))) };
            (await admin.PostAsync("/open311/manage/jurisdictions/import", new StringContent(import.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        var http = app.CreateClient();
        (await http.GetAsync("/open311/lookup.json?lat=40&long=-100")).EnsureSuccessStatusCode(); // loads the registry and index
        const int Clients = 8;
        const int PerClient = 2500;
        var latencies = new double[Clients * PerClient];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < PerClient; i++)
            {
                var (lat, lon) = points[(c * PerClient) + i];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(FormattableString.Invariant($"/open311/lookup.json?lat={lat:F6}&long={lon:F6}"));
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                latencies[(c * PerClient) + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(FormattableString.Invariant($"| GET lookup.json, 3,287 jurisdictions, {Clients} concurrent clients, {sorted.Length:N0} calls | p50 {sorted[sorted.Length / 2]:F2} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:F2} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F2} ms, {sorted.Length / wall.Elapsed.TotalSeconds:N0} calls/s |"));
    }

    private static List<Jurisdiction> Load(string folder)
    {
        var list = new List<Jurisdiction>();
        foreach (var (file, prefix, tier) in new[] { ("counties", "us-county-", "county"), ("states", "us-state-", "state"), ("nation", string.Empty, "national") })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file + ".geojson")));
            foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
            {
                var id = feature.GetProperty("id");
                var errors = new List<string>();
                if (BoundaryReader.Read(feature.GetProperty("geometry"), errors) is { } geometry)
                {
                    var name = prefix + (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText());
                    list.Add(new Jurisdiction(name, name, tier, TimeZoneInfo.Utc, null, null, new Boundary(geometry), [], DateTimeOffset.UnixEpoch));
                }
            }
        }

        return list;
    }

    private static (double Lat, double Lon)[] RandomPoints()
    {
        var random = new Random(42);
        return Enumerable.Range(0, Points).Select(_ => (24.40 + (random.NextDouble() * (49.39 - 24.40)), -124.85 + (random.NextDouble() * (124.85 - 66.88)))).ToArray();
    }

    private static HashSet<(int Point, string Id)> Lookup(RoutingIndex index, (double Lat, double Lon)[] points)
    {
        var pairs = new HashSet<(int, string)>();
        for (var i = 0; i < points.Length; i++)
        {
            foreach (var j in index.Lookup(points[i].Lat, points[i].Lon))
            {
                pairs.Add((i, j.Id));
            }
        }

        return pairs;
    }

    private static async Task LoadPostGisAsync(NpgsqlDataSource db, List<Jurisdiction> jurisdictions, (double Lat, double Lon)[] points)
    {
        await Execute(db, """
            CREATE EXTENSION IF NOT EXISTS postgis;
            DROP TABLE IF EXISTS j, js, pts;
            CREATE TABLE j (id text, wkb bytea);
            CREATE TABLE pts (id int, lon float8, lat float8);
            """);
        var wkb = new WKBWriter();
        await using (var copy = await (await db.OpenConnectionAsync()).BeginBinaryImportAsync("COPY j (id, wkb) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var j in jurisdictions)
            {
                await copy.WriteRowAsync(default, j.Id, wkb.Write(j.Boundary!.Geometry));
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await (await db.OpenConnectionAsync()).BeginBinaryImportAsync("COPY pts (id, lon, lat) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < points.Length; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync(points[i].Lon, NpgsqlDbType.Double);
                await copy.WriteAsync(points[i].Lat, NpgsqlDbType.Double);
            }

            await copy.CompleteAsync();
        }

        var timer = Stopwatch.StartNew();
        await Execute(db, """
            CREATE TABLE js AS SELECT id, ST_Subdivide(ST_SetSRID(ST_GeomFromWKB(wkb), 4326), 256) AS geom FROM j;
            CREATE INDEX ON js USING gist (geom);
            ALTER TABLE pts ADD COLUMN geom geometry(Point, 4326);
            UPDATE pts SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
            ANALYZE js; ANALYZE pts;
            """);
        Console.WriteLine(FormattableString.Invariant($"PostGIS: loaded, subdivided and indexed in {timer.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task<(HashSet<(int, string)> Pairs, double Seconds)> QueryPostGisAsync(NpgsqlDataSource db)
    {
        var runs = new List<double>();
        var pairs = new HashSet<(int, string)>();
        for (var run = 0; run < 3; run++)
        {
            pairs.Clear();
            var timer = Stopwatch.StartNew();
            await using var command = db.CreateCommand("SET jit = off; SELECT DISTINCT p.id, js.id FROM pts p JOIN js ON ST_Covers(js.geom, p.geom)");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                pairs.Add((reader.GetInt32(0), reader.GetString(1)));
            }

            runs.Add(timer.Elapsed.TotalSeconds);
        }

        return (pairs, runs.Order().ElementAt(1));
    }

    private static async Task Execute(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
