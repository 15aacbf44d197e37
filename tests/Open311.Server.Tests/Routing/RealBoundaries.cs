using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Routing;

/// <summary>
/// Boundaries nobody here drew: every US county, state and the nation from the Census cartographic files in the
/// npm package us-atlas, imported through the manage API, then random points answered by the routing index and by
/// a brute-force check of every polygon (no tree, no indexed locator: SimplePointInAreaLocator). PostGIS is the referee in the benchmark.
/// </summary>
public sealed class RealBoundaries(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : AppTest(azurite)
{
    [Fact]
    public async Task EveryTierOfTheUnitedStatesAgreesWithABruteForceCheck()
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("us-atlas-").FullName;
        await RunNodeAsync(RepoPaths.Of("tools", "boundaries", "us-atlas.mjs"), folder);
        var reports = new List<JsonNode>();
        foreach (var (file, prefix, tier) in new[] { ("counties", "us-county-", "county"), ("states", "us-state-", "state"), ("nation", string.Empty, "national") })
        {
            var import = new JsonObject { ["id_prefix"] = prefix, ["tier"] = tier, ["features"] = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file + ".geojson"))) };
            var response = await App.Admin().PostAsync("/open311/manage/jurisdictions/import", new StringContent(import.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            reports.Add(JsonNode.Parse(body)!);
            output.WriteLine($"{file} imported at {clock.Elapsed}");
        }

        // Falls Church, Virginia (51610) is a sliver that the 1:10m quantisation collapsed to a line: no area is left
        // to repair (PostGIS's ST_MakeValid collapses it too). It is refused, with the reason; everything else imports.
        var rejected = Assert.Single(reports.SelectMany(r => r["rejected"]!.AsArray()))!;
        Assert.Equal("us-county-51610", rejected["id"]!.GetValue<string>());
        Assert.Contains("could not be repaired", rejected["errors"]![0]!.GetValue<string>());
        Assert.Equal(3231 + 56 + 1 - 1, reports.Sum(r => r["created"]!.GetValue<int>()));

        var snapshot = await App.Services.GetRequiredService<JurisdictionRegistry>().GetSnapshotAsync(CancellationToken.None);
        Assert.Equal(3287, snapshot.Index.Count);
        output.WriteLine($"index loaded at {clock.Elapsed}");
        var oracle = Oracle(folder);
        output.WriteLine($"oracle built at {clock.Elapsed}");
        var random = new Random(42);
        var disagreements = new List<string>();
        var hits = 0;
        for (var i = 0; i < 3000; i++)
        {
            // The 50 states' whole span: Hawaii to Maine, and the Aleutians across the antimeridian.
            var lat = 18 + (random.NextDouble() * 54);
            var lon = -180 + (random.NextDouble() * 115);
            if (i % 10 == 0)
            {
                lon = random.NextDouble() < 0.5 ? 170 + (random.NextDouble() * 10) : -180 + (random.NextDouble() * 10);
                lat = 50 + (random.NextDouble() * 5);
            }

            var expected = oracle.Where(o => o.Covers(lat, lon)).Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
            var actual = snapshot.Index.Lookup(lat, lon).Select(j => j.Id).Order(StringComparer.Ordinal).ToList();
            hits += actual.Count;
            if (!expected.SequenceEqual(actual))
            {
                disagreements.Add(FormattableString.Invariant($"{lat},{lon}: expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]"));
            }
        }

        output.WriteLine($"points checked at {clock.Elapsed}");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(20)));
        Assert.True(hits > 1000, $"only {hits} hits: the points missed the country");

        var http = JsonNode.Parse(await Client.GetStringAsync("/open311/lookup.json?lat=44.26&long=-72.58"))!.AsArray();
        Assert.Equal(["county", "state", "national"], http.Select(h => h!["tier"]!.GetValue<string>()));
        Assert.Equal(["Washington", "Vermont", "United States"], http.Select(h => h!["name"]!.GetValue<string>()));
    }

    /// <summary>Every polygon read the same way as an import (rings closed, antimeridian unwrapped, repaired), tested one by one by a plain ray-crossing count.</summary>
    private static List<(string Id, Func<double, double, bool> Covers)> Oracle(string folder)
    {
        var list = new List<(string, Func<double, double, bool>)>();
        foreach (var (file, prefix) in new[] { ("counties", "us-county-"), ("states", "us-state-"), ("nation", string.Empty) })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file + ".geojson")));
            foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
            {
                var errors = new List<string>();
                if (BoundaryReader.Read(feature.GetProperty("geometry"), errors) is not { } geometry)
                {
                    continue;
                }

                var id = prefix + (feature.GetProperty("id").ValueKind == JsonValueKind.String ? feature.GetProperty("id").GetString() : feature.GetProperty("id").GetRawText());
                var envelope = geometry.EnvelopeInternal;
                bool CoversPlanar(double lat, double lon) =>
                    envelope.Covers(lon, lat) && SimplePointInAreaLocator.Locate(new Coordinate(lon, lat), geometry) != Location.Exterior;
                list.Add((id, (lat, lon) => CoversPlanar(lat, lon) || (lon < 0 && CoversPlanar(lat, lon + 360))));
            }
        }

        return list;
    }

    private static async Task RunNodeAsync(string script, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("node", [script, argument]) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = RepoPaths.Root })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }
}
