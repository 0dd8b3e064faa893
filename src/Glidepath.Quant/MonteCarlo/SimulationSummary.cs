using System.Numerics;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>Turns the final per-path state into the reported statistics.</summary>
internal static class SimulationSummary
{
    public static SimulationResult Build(SimulationInput input, int paths, PathBook book, MonthlySchedule schedule, List<YearOutcome> years)
    {
        var failMonths = book.FailMonth.AsMemory(0, paths);
        var failed = paths - failMonths.Span.Count(-1);
        var success = 1 - ((double)failed / paths);
        var horizonFactor = schedule.InflationFactor[input.HorizonMonths];
        var terminal = book.Balance.AsMemory(0, paths);
        return new SimulationResult
        {
            Paths = paths,
            Seed = input.Seed,
            SuccessProbability = success,
            SuccessStandardError = input.Antithetic ? AntitheticStandardError(failMonths.Span) : Math.Sqrt(success * (1 - success) / paths),
            TerminalNominal = years[^1].Nominal,
            TerminalReal = years[^1].Real,
            Years = years,
            MedianDepletionMonth = failed == 0 ? null : MedianFailureMonth(failMonths.Span, failed),
            Spending = Quality(input, paths, book, schedule, terminal.Span, horizonFactor),
            TerminalBalances = terminal,
            FailureMonths = failMonths,
        };
    }

    /// <summary>Standard error of the mean of pair averages (path i with i + count/2 in each block, as drawn).</summary>
    private static double AntitheticStandardError(ReadOnlySpan<int> failMonths)
    {
        var padded = (failMonths.Length + 31) / 32 * 32;
        var pairs = new List<double>();
        for (var first = 0; first < failMonths.Length; first += MonteCarloSimulator.BlockSize)
        {
            var half = Math.Min(MonteCarloSimulator.BlockSize, padded - first) / 2;
            for (var i = 0; i < half && first + half + i < failMonths.Length; i++)
            {
                pairs.Add(((failMonths[first + i] < 0 ? 1.0 : 0) + (failMonths[first + half + i] < 0 ? 1.0 : 0)) / 2);
            }
        }

        if (pairs.Count < 2)
        {
            return double.NaN;
        }

        var mean = pairs.Average();
        var variance = pairs.Sum(x => (x - mean) * (x - mean)) / (pairs.Count - 1);
        return Math.Sqrt(variance / pairs.Count);
    }

    private static SpendingQuality Quality(SimulationInput input, int paths, PathBook book, MonthlySchedule schedule, ReadOnlySpan<float> terminal, double horizonFactor)
    {
        var plannedYears = 0;
        var start = 0;
        foreach (var end in schedule.YearEnds)
        {
            var planned = 0.0;
            for (var m = start; m < end; m++)
            {
                planned += schedule.PlannedReal[m];
            }

            plannedYears += planned > 0 ? 1 : 0;
            start = end;
        }

        var aboveStart = CountAtLeast(terminal, horizonFactor, input.StartBalance);

        if (plannedYears == 0)
        {
            return new SpendingQuality(0, 1, 1, (double)aboveStart / paths);
        }

        // The cut years summed exactly, then one division (a division per path took most of the summary's time).
        var cutYears = 0L;
        foreach (var years in book.CutYears.AsSpan(0, paths))
        {
            cutYears += years;
        }

        var cutShare = (double)cutYears / plannedYears;

        // Selection reorders: the book's own array is not read again after this (4 bytes a path saved).
        Span<double> q = stackalloc double[2];
        OrderStatistics.Percentiles(book.LowestRatio.AsSpan(0, paths), [0.5, 0.05], q);
        return new SpendingQuality(cutShare / paths, q[0], q[1], (double)aboveStart / paths);
    }

    /// <summary>How many balances in today's money, b / factor in double, are at least <paramref name="start"/>: eight divisions at a time.</summary>
    private static int CountAtLeast(ReadOnlySpan<float> balances, double factor, double start)
    {
        var count = 0;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var divisor = Vector512.Create(factor);
            var floor = Vector512.Create(start);
            for (; i <= balances.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var (low, high) = Vector512.Widen(Vector512.Create(balances.Slice(i, Vector512<float>.Count)));
                count += BitOperations.PopCount(Vector512.GreaterThanOrEqual(low / divisor, floor).ExtractMostSignificantBits());
                count += BitOperations.PopCount(Vector512.GreaterThanOrEqual(high / divisor, floor).ExtractMostSignificantBits());
            }
        }

        for (; i < balances.Length; i++)
        {
            count += balances[i] / factor >= start ? 1 : 0;
        }

        return count;
    }

    private static double MedianFailureMonth(ReadOnlySpan<int> failMonths, int failed)
    {
        var values = new float[failed];
        var k = 0;
        foreach (var m in failMonths)
        {
            if (m >= 0)
            {
                values[k++] = m;
            }
        }

        Span<double> q = stackalloc double[1];
        OrderStatistics.Percentiles(values, [0.5], q);
        return q[0];
    }
}
