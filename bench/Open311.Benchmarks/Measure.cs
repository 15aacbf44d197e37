using System.Diagnostics;

namespace Open311.Benchmarks;

/// <summary>
/// Times several variants of one operation interleaved round by round, so machine noise hits every variant alike;
/// reports the median of each and its ratio to the first (the baseline).
/// </summary>
public static class Measure
{
    public static async Task<IReadOnlyList<Result>> CompareAsync(string operation, int warmup, int rounds, params (string Name, Func<Task> Run)[] variants)
    {
        foreach (var (_, run) in variants)
        {
            for (var i = 0; i < warmup; i++)
            {
                await run();
            }
        }

        var samples = variants.Select(_ => new List<double>(rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var started = Stopwatch.GetTimestamp();
                await variants[v].Run();
                samples[v].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var baseline = Median(samples[0]);
        return variants.Select((v, i) => new Result(operation, v.Name, Median(samples[i]), Percentile(samples[i], 0.9), Median(samples[i]) / baseline)).ToList();
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}
