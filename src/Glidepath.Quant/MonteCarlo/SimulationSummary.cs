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

        var aboveStart = 0;
        foreach (var b in terminal)
        {
            aboveStart += b / horizonFactor >= input.StartBalance ? 1 : 0;
        }

        if (plannedYears == 0)
        {
            return new SpendingQuality(0, 1, 1, (double)aboveStart / paths);
        }

        var cutShare = 0.0;
        for (var p = 0; p < paths; p++)
        {
            cutShare += (double)book.CutYears[p] / plannedYears;
        }

        // Selection reorders: the book's own array is not read again after this (4 bytes a path saved).
        Span<double> q = stackalloc double[2];
        OrderStatistics.Percentiles(book.LowestRatio.AsSpan(0, paths), [0.5, 0.05], q);
        return new SpendingQuality(cutShare / paths, q[0], q[1], (double)aboveStart / paths);
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
