using System.Diagnostics;
using System.Globalization;

namespace Glidepath.Benchmarks.Rebalancing;

/// <summary>
/// Repeated single-shot timings of <see cref="RebalancingBenchmark"/> (min and median of N runs after
/// warm-up): a check that needs no generated build, for a loaded machine where BenchmarkDotNet's build times out.
/// </summary>
internal static class RebalancingTimes
{
    public static void Run(int repeats)
    {
        var bench = new RebalancingBenchmark();
        bench.Setup();
        Time("harvest scan, 10,000 accounts x 50 lots", repeats, () => bench.HarvestScan());
        Time("rebalance proposal, 1,000 accounts x 50 lots", repeats, () => bench.Rebalance());
        Time("household rebalance with asset location, 1,000 accounts x 50 lots", repeats, () => bench.HouseholdAssetLocation());
    }

    private static void Time(string label, int repeats, Func<object> action)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }

        var times = new double[repeats];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / repeats / 1_048_576.0;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: min {times[0]:F2} ms, median {times[repeats / 2]:F2} ms, {perRun:F1} MiB allocated per run ({repeats} runs)"));
    }
}
