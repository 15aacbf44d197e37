using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Places;
using Open311.Testing;

namespace Open311.Benchmarks;

/// <summary>
/// Place-finding against a 100,000-address gazetteer (a made-up grid town with 5 % of its houses left out, as real
/// address files miss some), in one process, no storage: phrases located per second, and a labelled set of
/// resident-style phrases scored right (within 25 m of the truth), approximate (further, but within the accuracy the
/// answer states), wrong (outside its stated accuracy, or a place for a phrase that has none) and not located. The
/// baseline is the naive way: the phrase normalised and looked up whole in a dictionary of "number street" keys.
/// Before that, once: the same town imported through <c>POST manage/jurisdictions/{id}/addresses</c> on Azurite, and
/// loaded into a fresh instance's gazetteer, timed.
/// </summary>
public static class PlacesBenchmark
{
    private const double Right = 25;

    public static async Task RunAsync()
    {
        var town = new SyntheticTown(44.0, -72.9, streets: 50, avenues: 50);
        var random = new Random(311);
        var missing = town.Addresses.Where(_ => random.NextDouble() < 0.05).Select(a => (a.Number, a.Street)).ToHashSet();
        var kept = town.Addresses.Where(a => !missing.Contains((a.Number, a.Street))).ToList();
        var index = new AddressIndex("synthetic", "Synthetic", kept
            .GroupBy(a => StreetName.Normalize(a.Street))
            .Select(g => new Street(g.Key, g.First().Street.ToUpperInvariant(), g.Select(a => new StreetAddress(a.Number, null, a.Lat, a.Long, null)).OrderBy(a => a.NumberValue).ToList())));
        var naive = kept.GroupBy(a => $"{a.Number} {StreetName.Normalize(a.Street)}").ToDictionary(g => g.Key, g => (g.First().Lat, g.First().Long));
        var phrases = Phrases(town, missing, new Random(27));
        Console.WriteLine($"Gazetteer: {index.AddressCount:N0} addresses on {index.StreetCount} streets ({missing.Count:N0} left out); {phrases.Count:N0} labelled phrases");
        await ImportAndLoadAsync(town);

        var results = await Measure.CompareAsync(
            $"{phrases.Count:N0} phrases",
            warmup: 2,
            rounds: 15,
            ("naive: whole phrase looked up", () =>
            {
                foreach (var p in phrases)
                {
                    _ = Naive(naive, p.Text);
                }

                return Task.CompletedTask;
            }),
            ("ours: coordinates, phrase parse, gazetteer", () =>
            {
                foreach (var p in phrases)
                {
                    _ = Ours(index, p.Text);
                }

                return Task.CompletedTask;
            }));
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Variant,-46} median {r.MedianMs,9:N1} ms  p90 {r.P90Ms,9:N1} ms  {phrases.Count / (r.MedianMs / 1000),10:N0} phrases/s");
        }

        Console.WriteLine();
        Console.WriteLine($"{"kind",-26} {"phrases",8} | {"ours: right",11} {"approx",7} {"wrong",6} {"none",6} | {"naive: right",12} {"wrong",6} {"none",6}");
        foreach (var kind in phrases.GroupBy(p => p.Kind).Append(phrases.GroupBy(_ => "all").Single()))
        {
            var ours = kind.Select(p => Score(p, Ours(index, p.Text))).ToList();
            var simple = kind.Select(p => Score(p, Naive(naive, p.Text))).ToList();
            Console.WriteLine($"{kind.Key,-26} {kind.Count(),8} | {Count(ours, "right"),11} {Count(ours, "approximate"),7} {Count(ours, "wrong"),6} {Count(ours, "none"),6} | {Count(simple, "right"),12} {Count(simple, "wrong"),6} {Count(simple, "none"),6}");
        }
    }

    /// <summary>The whole town through the manage API into Azurite, then into a second app's gazetteer (a cold instance).</summary>
    private static async Task ImportAndLoadAsync(SyntheticTown town)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var csv = town.ToCsv(s => s.ToUpperInvariant());
        await using (var app = new BenchApp(azurite.ConnectionString, prefix))
        {
            var admin = app.CreateClient();
            admin.Timeout = TimeSpan.FromMinutes(10);
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchApp.AdminKey);
            (await admin.PutAsync("/open311/manage/jurisdictions/synthetic", new StringContent("""{"name":"Synthetic","services":[{"service_code":"pothole","service_name":"Pothole"}]}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            var started = Stopwatch.GetTimestamp();
            var imported = await admin.PostAsync("/open311/manage/jurisdictions/synthetic/addresses", new StringContent(csv, Encoding.UTF8, "text/csv"));
            imported.EnsureSuccessStatusCode();
            Console.WriteLine($"Import of {town.Addresses.Count:N0} rows ({csv.Length / 1024 / 1024:N1} MiB of CSV) through the manage API into Azurite: {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
        }

        await using var cold = new BenchApp(azurite.ConnectionString, prefix);
        var gazetteer = cold.Services.GetRequiredService<Gazetteer>();
        var loading = Stopwatch.GetTimestamp();
        var loaded = await gazetteer.GetAsync(null, CancellationToken.None);
        Console.WriteLine($"Load into a cold instance's gazetteer: {Stopwatch.GetElapsedTime(loading).TotalSeconds:N2} s ({loaded.Sum(i => i.AddressCount):N0} addresses)");
    }

    private static FoundPlace? Ours(AddressIndex index, string text)
    {
        if (CoordinatesInText.Find(text).FirstOrDefault(p => !p.Ambiguous) is { } point)
        {
            return new FoundPlace(point.Lat, point.Long, point.AccuracyMeters, point.Evidence);
        }

        foreach (var mention in AddressPhrase.Find(text).OrderBy(m => m.Kind))
        {
            if (index.Find(mention, streetLevel: false, out _) is { } place)
            {
                return place;
            }
        }

        return null;
    }

    private static FoundPlace? Naive(Dictionary<string, (double Lat, double Long)> houses, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (!char.IsAsciiDigit(words[i][0]))
            {
                continue;
            }

            // "12 Main St" followed by anything: try the next two and three words as the street.
            for (var length = 3; length >= 2; length--)
            {
                if (i + length < words.Length + 1 && houses.TryGetValue($"{words[i]} {StreetName.Normalize(string.Join(' ', words[(i + 1)..Math.Min(words.Length, i + 1 + length)]))}", out var hit))
                {
                    return new FoundPlace(hit.Lat, hit.Long, 15, "whole-phrase match");
                }
            }
        }

        return null;
    }

    private static string Score(Phrase phrase, FoundPlace? place)
    {
        if (place is null)
        {
            return "none";
        }

        if (phrase.Truth is not { } truth)
        {
            return "wrong";
        }

        var off = GeoDistance.Meters(place.Lat, place.Long, truth.Lat, truth.Long);
        return off <= Right ? "right" : off <= place.AccuracyMeters ? "approximate" : "wrong";
    }

    private static string Count(List<string> scores, string kind) => scores.Count(s => s == kind).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Phrases as residents write them, each with the true point (none for what has no place).</summary>
    private static List<Phrase> Phrases(SyntheticTown town, HashSet<(string Number, string Street)> missing, Random random)
    {
        var list = new List<Phrase>();
        var houses = town.Addresses.Where(a => !missing.Contains((a.Number, a.Street))).ToList();
        var gaps = town.Addresses.Where(a => missing.Contains((a.Number, a.Street))).ToList();
        string[] house = ["Pothole outside {0} {1}", "pothole in front of {0} {1}, please fix", "Broken streetlight at {0} {1}.", "graffiti on the wall of #{0} {1}", "missed pickup at {0} {1} again!!", "Tree down near {0} {1}"];
        for (var i = 0; i < 1200; i++)
        {
            var a = houses[random.Next(houses.Count)];
            list.Add(new Phrase("house", string.Format(CultureInfo.InvariantCulture, house[i % house.Length], a.Number, Style(a.Street, random)), (a.Lat, a.Long)));
        }

        for (var i = 0; i < 300; i++)
        {
            var a = gaps[random.Next(gaps.Count)];
            list.Add(new Phrase("house not in the file", string.Format(CultureInfo.InvariantCulture, house[i % house.Length], a.Number, Style(a.Street, random)), (a.Lat, a.Long)));
        }

        string[] corner = ["the light on {0} and {1} is out", "corner of {0} & {1}, big pothole", "{0} / {1} flooding", "accident at {0} and {1}"];
        for (var i = 0; i < 300; i++)
        {
            var s = random.Next(town.Streets.Count);
            var v = random.Next(town.Avenues.Count);
            list.Add(new Phrase("corner", string.Format(CultureInfo.InvariantCulture, corner[i % corner.Length], Style(town.Streets[s], random), Style(town.Avenues[v], random)), town.Corner(s, v)));
        }

        string[] none = ["Pothole by the old library", "the lights on {0} are out", "Pothole outside 12 Harbor Blvd", "Dumped couch behind the school", "pothole near {0}, you know the one", "Sinkhole at 99999 {0}"];
        for (var i = 0; i < 300; i++)
        {
            list.Add(new Phrase("no place to find", string.Format(CultureInfo.InvariantCulture, none[i % none.Length], Style(town.Streets[random.Next(town.Streets.Count)], random)), null));
        }

        return list;
    }

    /// <summary>A street name as people type it: as published, upper, lower, spelled out, or with a trailing dot.</summary>
    private static string Style(string street, Random random) => random.Next(5) switch
    {
        0 => street,
        1 => street.ToUpperInvariant(),
        2 => street.ToLowerInvariant(),
        3 => street.Replace(" St", " Street", StringComparison.Ordinal).Replace(" Ave", " Avenue", StringComparison.Ordinal).Replace(" Rd", " Road", StringComparison.Ordinal).Replace(" Ln", " Lane", StringComparison.Ordinal).Replace(" Dr", " Drive", StringComparison.Ordinal),
        _ => street + ".",
    };

    private sealed record Phrase(string Kind, string Text, (double Lat, double Long)? Truth);
}
