using System.Runtime.CompilerServices;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Monte Carlo wealth simulation, time-major: every block of paths runs in parallel through a
/// segment of simulated years, keeping only each year-end balance, then the year-end percentiles
/// are taken by selection. Blocks have a
/// fixed size and each path has its own random stream, so the numbers do not depend on the
/// thread count or scheduling. Conventions: docs/monte-carlo.md.
/// </summary>
public static class MonteCarloSimulator
{
    /// <summary>Paths per block (a multiple of 32; fixed, whatever the thread count).</summary>
    public const int BlockSize = 1024;

    /// <summary>
    /// Simulated years between barriers. Fewer barriers (a 16 MiB budget: 100,000 paths in two
    /// segments) measured 30 % more CPU: the year-end arrays then leave the cache and are
    /// allocated afresh (page faults) every run.
    /// </summary>
    private const int YearsPerSegment = 4;

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
        var taxes = input.Taxes is null ? null : new TaxedStepper(input, schedule, book, weights, paths, padded);
        var stepper = new BlockStepper(input, schedule, book, random, weights, taxes, options.Fuse);
        var blocks = (padded + BlockSize - 1) / BlockSize;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = options.CancellationToken };

        // Year-end balances of a few years at a time: fewer barriers between the parallel blocks
        // (a descheduled thread stalls every barrier on a shared machine) for 4 bytes a path a year.
        var yearCount = schedule.YearEnds.Length;
        var perSegment = Math.Min(yearCount, YearsPerSegment);
        var yearEnds = new float[perSegment][];
        for (var k = 0; k < yearEnds.Length; k++)
        {
            yearEnds[k] = new float[padded];
        }

        var progress = new BlockProgress(options.Progress, blocks, schedule.YearEnds, input.HorizonMonths, options.CancellationToken);
        var years = new List<YearOutcome>(yearCount);
        for (var segment = 0; segment < yearCount; segment += perSegment)
        {
            var firstYear = segment;
            var lastYear = Math.Min(segment + perSegment, yearCount);
            progress.StartSegment(firstYear, lastYear);
            Parallel.For(
                0,
                blocks,
                parallel,
                () => new BlockStepper.Workspace(input, BlockSize),
                (b, _, ws) =>
                {
                    RunBlock(stepper, schedule, b * BlockSize, Math.Min(BlockSize, padded - (b * BlockSize)), firstYear, lastYear, yearEnds, ws);
                    progress.BlockDone();
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
                segmentYears[y - firstYear] = new YearOutcome(y + 1, end, nominal, nominal.DividedBy(schedule.InflationFactor[end]), 0);
            });
            years.AddRange(segmentYears);
        }

        var result = SimulationSummary.Build(input, paths, book, schedule, WithDepletion(years, book.FailMonth.AsSpan(0, paths), input.HorizonMonths));
        return taxes is null ? result : result with { Taxes = taxes.Summary(paths) };
    }

    // Hot path: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunBlock(BlockStepper stepper, MonthlySchedule schedule, int first, int count, int firstYear, int lastYear, float[][] yearEnds, BlockStepper.Workspace ws)
    {
        for (var y = firstYear; y < lastYear; y++)
        {
            stepper.RunYear(first, count, y == 0 ? 0 : schedule.YearEnds[y - 1], schedule.YearEnds[y], ws);
            stepper.Balances(first, count).CopyTo(yearEnds[y - firstYear].AsSpan(first, count));
        }
    }

    /// <summary>
    /// Share of paths failed before each year end, from one pass over the final failure months
    /// (a failure month never changes once set, so the final ones answer for every year).
    /// </summary>
    private static List<YearOutcome> WithDepletion(List<YearOutcome> years, ReadOnlySpan<int> failMonths, int horizon)
    {
        var failedIn = new int[horizon + 1];
        foreach (var m in failMonths)
        {
            if (m >= 0)
            {
                failedIn[m]++;
            }
        }

        var result = new List<YearOutcome>(years.Count);
        int month = 0, failed = 0;
        foreach (var year in years)
        {
            for (; month < year.Month; month++)
            {
                failed += failedIn[month];
            }

            result.Add(year with { DepletionProbability = (double)failed / failMonths.Length });
        }

        return result;
    }
}
