namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Monte Carlo wealth simulation, time-major: each simulated year runs every block of paths in
/// parallel for 12 months, then the year-end percentiles are taken by selection. Blocks have a
/// fixed size and each path has its own random stream, so the numbers do not depend on the
/// thread count or scheduling. Conventions: docs/monte-carlo.md.
/// </summary>
public static class MonteCarloSimulator
{
    /// <summary>Paths per block (a multiple of 32; fixed, whatever the thread count).</summary>
    public const int BlockSize = 1024;

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
        var scratch = new float[paths];
        var years = new List<YearOutcome>(schedule.YearEnds.Length);
        Span<double> values = stackalloc double[Percentiles.Levels.Length];
        var start = 0;
        foreach (var end in schedule.YearEnds)
        {
            var (from, to) = (start, end);
            Parallel.For(
                0,
                blocks,
                parallel,
                () => new BlockStepper.Workspace(input, BlockSize),
                (b, _, ws) =>
                {
                    var first = b * BlockSize;
                    stepper.RunYear(first, Math.Min(BlockSize, padded - first), from, to, ws);
                    return ws;
                },
                _ => { });
            book.Balance.AsSpan(0, paths).CopyTo(scratch);
            OrderStatistics.Percentiles(scratch, Percentiles.Levels, values);
            var nominal = Percentiles.From(values);
            var failed = CountFailedBefore(book.FailMonth.AsSpan(0, paths), end);
            years.Add(new YearOutcome(years.Count + 1, end, nominal, nominal.DividedBy(schedule.InflationFactor[end]), (double)failed / paths));
            options.Progress?.Report((double)end / input.HorizonMonths);
            start = end;
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
