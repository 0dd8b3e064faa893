namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Monte Carlo wealth simulation, time-major: every block of paths runs in parallel through a few
/// simulated years at a time, keeping only each year-end balance, then the year-end percentiles
/// are taken by selection. Blocks have a
/// fixed size and each path has its own random stream, so the numbers do not depend on the
/// thread count or scheduling. Conventions: docs/monte-carlo.md.
/// </summary>
public static class MonteCarloSimulator
{
    /// <summary>Paths per block (a multiple of 32; fixed, whatever the thread count).</summary>
    public const int BlockSize = 1024;

    private const int YearsPerBarrier = 4;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first field the engine cannot use.</summary>
    public static void Validate(SimulationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SimulationValidator.Validate(input);
        _ = input.Allocation.MonthlyWeights(input.HorizonMonths, input.Returns.AssetCount);
    }

    public static SimulationResult Run(SimulationInput input, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new SimulationOptions();
        SimulationValidator.Validate(input);
        var paths = input.Returns.FixedPathCount ?? input.Paths;
        var padded = checked((paths + 31) / 32 * 32);
        var assets = input.Returns.AssetCount;
        var schedule = new MonthlySchedule(input);
        var weights = input.Allocation.MonthlyWeights(input.HorizonMonths, assets);
        var drifting = input.Allocation.Rebalance != Rebalance.Monthly && input.Allocation.GlidePath is null;
        var book = new PathBook(padded, assets, drifting, input.Spending is { Rule: not SpendingRule.ConstantReal }, input.Returns.NeedsPathState);
        Array.Fill(book.Balance, (float)input.StartBalance);
        if (book.Holdings is { } holdings)
        {
            for (var a = 0; a < assets; a++)
            {
                Array.Fill(holdings[a], (float)input.StartBalance * weights[a]);
            }
        }

        var random = new PathRandom(input.Seed, padded);
        var stepper = new BlockStepper(input, schedule, book, random, weights);
        var blocks = (padded + BlockSize - 1) / BlockSize;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = options.CancellationToken };
        // Year-end balances of a few years at a time: fewer barriers between the parallel blocks
        // (a descheduled thread stalls every barrier on a shared machine) for 4 bytes a path a year.
        var yearEnds = new float[Math.Min(YearsPerBarrier, schedule.YearEnds.Length)][];
        for (var k = 0; k < yearEnds.Length; k++)
        {
            yearEnds[k] = new float[padded];
        }

        var years = new List<YearOutcome>(schedule.YearEnds.Length);
        for (var segment = 0; segment < schedule.YearEnds.Length; segment += YearsPerBarrier)
        {
            var firstYear = segment;
            var lastYear = Math.Min(segment + YearsPerBarrier, schedule.YearEnds.Length);
            Parallel.For(
                0,
                blocks,
                parallel,
                () => new BlockStepper.Workspace(input, BlockSize),
                (b, _, ws) =>
                {
                    var first = b * BlockSize;
                    var count = Math.Min(BlockSize, padded - first);
                    for (var y = firstYear; y < lastYear; y++)
                    {
                        stepper.RunYear(first, count, y == 0 ? 0 : schedule.YearEnds[y - 1], schedule.YearEnds[y], ws);
                        book.Balance.AsSpan(first, count).CopyTo(yearEnds[y - firstYear].AsSpan(first, count));
                    }

                    return ws;
                },
                _ => { });
            // Each year's selection works on its own array, so the years of a segment run in parallel.
            var segmentYears = new YearOutcome[lastYear - firstYear];
            Parallel.For(firstYear, lastYear, parallel, y =>
            {
                var end = schedule.YearEnds[y];
                var values = new double[Percentiles.Levels.Length];
                OrderStatistics.Percentiles(yearEnds[y - firstYear].AsSpan(0, paths), Percentiles.Levels, values);
                var nominal = Percentiles.From(values);
                var failed = CountFailedBefore(book.FailMonth.AsSpan(0, paths), end);
                segmentYears[y - firstYear] = new YearOutcome(y + 1, end, nominal, nominal.DividedBy(schedule.InflationFactor[end]), (double)failed / paths);
            });
            years.AddRange(segmentYears);

            options.Progress?.Report((double)schedule.YearEnds[lastYear - 1] / input.HorizonMonths);
        }

        return SimulationSummary.Build(input, paths, book, schedule, years);
    }

    private static int CountFailedBefore(ReadOnlySpan<int> failMonths, int month)
    {
        var n = 0;
        foreach (var m in failMonths)
        {
            n += m >= 0 && m < month ? 1 : 0;
        }

        return n;
    }
}
