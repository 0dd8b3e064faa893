using System.Diagnostics;
using System.Globalization;

namespace Glidepath.Benchmarks.Analytics;

/// <summary>
/// Repeated single-shot timings of <see cref="AnalyticsBenchmarks"/> (min and median of N runs after
/// warm-up), a quick check that complements BenchmarkDotNet on a noisy shared machine.
/// </summary>
internal static class AnalyticsTimes
{
    public static void Run(int repeats)
    {
        var bench = new AnalyticsBenchmarks();
        bench.Setup();
        Time("max Sharpe, 486 assets, long-only, w <= 5%", repeats, () => bench.MaxSharpe486AssetsMax5Percent());
        Time("efficient frontier, 50 points, 100 assets", repeats, () => bench.Frontier50Points100Assets());
        Time("Ledoit-Wolf constant correlation, 1000 x 500", repeats, () => bench.LedoitWolfConstantCorrelation1000x500());
        Time("Ledoit-Wolf scaled identity, 1000 x 500", repeats, () => bench.LedoitWolfIdentity1000x500());
    }

    private static void Time(string label, int repeats, Func<object> action)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }

        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: min {times[0]:F2} ms, median {times[repeats / 2]:F2} ms ({repeats} runs)"));
    }
}
