using System.Diagnostics;
using Glidepath.Quant.MonteCarlo;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Glidepath.Quant.Gpu;

/// <summary>What the GPU backend computes (docs/monte-carlo.md, "GPU backend").</summary>
/// <param name="Paths">Paths simulated.</param>
/// <param name="Seed">Simulation seed.</param>
/// <param name="SuccessProbability">Share of paths that paid every withdrawal in full.</param>
/// <param name="SuccessStandardError">sqrt(p(1-p)/n).</param>
/// <param name="TerminalNominal">Percentiles of the terminal balance.</param>
/// <param name="TerminalReal">The same in today's money.</param>
/// <param name="DepletionByYear">Share of paths failed by each year end (12, 24, ... months and the horizon).</param>
/// <param name="MedianDepletionMonth">Median failure month of the failed paths; null when none failed.</param>
/// <param name="TerminalBalances">Terminal nominal balance per path, path order.</param>
/// <param name="FailureMonths">Failure month per path, -1 if none.</param>
/// <param name="Years">Year-end balance percentiles, when the run recorded year ends; else null.</param>
/// <param name="Device">The accelerator that ran the kernel.</param>
/// <param name="KernelSeconds">Wall seconds of the kernel launches and copies back (not the compile).</param>
public sealed record GpuSimulationResult(
    int Paths,
    ulong Seed,
    double SuccessProbability,
    double SuccessStandardError,
    Percentiles TerminalNominal,
    Percentiles TerminalReal,
    IReadOnlyList<double> DepletionByYear,
    double? MedianDepletionMonth,
    ReadOnlyMemory<float> TerminalBalances,
    ReadOnlyMemory<int> FailureMonths,
    IReadOnlyList<YearOutcome>? Years,
    string Device,
    double KernelSeconds);

/// <summary>
/// The Monte Carlo model on an ILGPU accelerator: one thread per path, each with the CPU engine's
/// per-path stream (<see cref="PathRandom"/>), so path p of the GPU run and path p of the CPU run
/// draw the same normals and agree to float rounding. Covers the untaxed model with normal
/// returns, monthly rebalancing (fixed weights or a glide path) and fixed or inflation-indexed cash
/// flows (including a constant-real spending policy); <see cref="Supports"/> names what it does not.
/// </summary>
public sealed class GpuSimulator : IDisposable
{
    /// <summary>Paths per launch: bounds device memory (8 bytes a path, plus year ends when recorded).</summary>
    public const int ChunkPaths = 1 << 24;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, KernelConstants, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<int>, ArrayView<float>> _kernel;

    private GpuSimulator(Context context, Accelerator accelerator)
    {
        _context = context;
        _accelerator = accelerator;
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, KernelConstants, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<int>, ArrayView<float>>(PathKernel.Run);
    }

    /// <summary>The accelerator's name and kind.</summary>
    public string Device => $"{_accelerator.AcceleratorType}: {_accelerator.Name}";

    /// <summary>A simulator on the first CUDA device, or null when the machine has none (or no CUDA driver).</summary>
    public static GpuSimulator? TryCreateCuda()
    {
        Context? context = null;
        try
        {
            context = Context.Create(b => b.Cuda().Optimize(OptimizationLevel.O2));
            var devices = context.GetCudaDevices();
            if (devices.Count == 0)
            {
                context.Dispose();
                return null;
            }

            return new GpuSimulator(context, devices[0].CreateAccelerator(context));
        }
#pragma warning disable CA1031 // no driver, a broken driver or an unsupported card all mean "no GPU": the caller uses the CPU engine
        catch (Exception)
#pragma warning restore CA1031
        {
            context?.Dispose();
            return null;
        }
    }

    /// <summary>ILGPU's CPU accelerator (the kernel run as .NET code on CPU threads): for tests and machines without a GPU.</summary>
    public static GpuSimulator CreateCpuAccelerator()
    {
        var context = Context.Create(b => b.CPU());
        return new GpuSimulator(context, context.CreateCPUAccelerator(0));
    }

    /// <summary>Null when the kernel covers the input, else the first thing it does not cover.</summary>
    public static string? Supports(SimulationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Returns is not NormalReturns || input.Returns is StudentTReturns)
        {
            return "only the normal return model runs on the GPU";
        }

        if (input.Taxes is not null)
        {
            return "taxes run on the CPU engine only";
        }

        if (input.Spending is { Rule: not SpendingRule.ConstantReal })
        {
            return "spending policies other than constantReal run on the CPU engine only";
        }

        if (input.Allocation.Rebalance != Rebalance.Monthly && input.Allocation.GlidePath is null)
        {
            return "annual or no rebalancing runs on the CPU engine only";
        }

        if (input.Antithetic)
        {
            return "antithetic variates run on the CPU engine only";
        }

        return input.Returns.AssetCount > PathKernel.MaxAssets ? $"at most {PathKernel.MaxAssets} assets run on the GPU" : null;
    }

    /// <summary>Runs the kernel over every path; throws <see cref="NotSupportedException"/> for an input outside <see cref="Supports"/>.</summary>
    /// <param name="input">The scenario.</param>
    /// <param name="recordYearEnds">Also keep every year-end balance (4 bytes a path a year, on the device and here) for the year percentiles.</param>
    public GpuSimulationResult Run(SimulationInput input, bool recordYearEnds = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        SimulationValidator.Validate(input);
        if (Supports(input) is { } reason)
        {
            throw new NotSupportedException(reason);
        }

        var model = (NormalReturns)input.Returns;
        var paths = input.Paths;
        var months = input.HorizonMonths;
        var assets = model.AssetCount;
        var schedule = new MonthlySchedule(input);
        var yearEndMonths = new int[months];
        foreach (var end in schedule.YearEnds)
        {
            yearEndMonths[end - 1] = 1;
        }

        var chunk = Math.Min(ChunkPaths, paths);
        var years = schedule.YearEnds.Length;
        var terminal = new float[paths];
        var failMonths = new int[paths];
        var yearEnds = recordYearEnds ? new float[checked(years * paths)] : null;
        var watch = Stopwatch.StartNew();
        using (var mu = _accelerator.Allocate1D(model.Mu.ToArray()))
        using (var cholesky = _accelerator.Allocate1D(model.ScaledCholesky.ToArray()))
        using (var weights = _accelerator.Allocate1D(input.Allocation.MonthlyWeights(months, assets)))
        using (var contribution = _accelerator.Allocate1D(Array.ConvertAll(schedule.Contribution, v => (float)v)))
        using (var withdrawal = _accelerator.Allocate1D(Array.ConvertAll(schedule.FixedWithdrawal, v => (float)v)))
        using (var ends = _accelerator.Allocate1D(yearEndMonths))
        using (var terminalBuffer = _accelerator.Allocate1D<float>(chunk))
        using (var failBuffer = _accelerator.Allocate1D<int>(chunk))
        using (var yearEndBuffer = _accelerator.Allocate1D<float>(recordYearEnds ? checked((long)years * chunk) : 1))
        {
            var yearEndChunk = new float[recordYearEnds ? years * chunk : 0];
            for (var first = 0; first < paths; first += chunk)
            {
                var count = Math.Min(chunk, paths - first);
                var constants = new KernelConstants
                {
                    Seed = input.Seed,
                    FirstPath = first,
                    Months = months,
                    Assets = assets,
                    StartBalance = (float)input.StartBalance,
                    Fee = (float)Math.Pow(1 - input.AnnualFee, 1.0 / 12),
                    RecordYearEnds = recordYearEnds ? 1 : 0,
                    Count = count,
                };
                _kernel(count, constants, mu.View, cholesky.View, weights.View, contribution.View, withdrawal.View, ends.View, terminalBuffer.View, failBuffer.View, yearEndBuffer.View);
                _accelerator.Synchronize();
                ((ArrayView<float>)terminalBuffer.View).SubView(0, count).CopyToCPU(terminal.AsSpan(first, count));
                ((ArrayView<int>)failBuffer.View).SubView(0, count).CopyToCPU(failMonths.AsSpan(first, count));
                if (yearEnds is not null)
                {
                    ((ArrayView<float>)yearEndBuffer.View).SubView(0, (long)years * count).CopyToCPU(yearEndChunk.AsSpan(0, years * count));
                    for (var y = 0; y < years; y++)
                    {
                        yearEndChunk.AsSpan(y * count, count).CopyTo(yearEnds.AsSpan((y * paths) + first, count));
                    }
                }
            }
        }

        var kernelSeconds = watch.Elapsed.TotalSeconds;
        return Summarise(input, schedule, terminal, failMonths, yearEnds, Device, kernelSeconds);
    }

    private static GpuSimulationResult Summarise(SimulationInput input, MonthlySchedule schedule, float[] terminal, int[] failMonths, float[]? yearEnds, string device, double kernelSeconds)
    {
        var paths = terminal.Length;
        var failed = 0;
        var failedIn = new int[input.HorizonMonths + 1];
        foreach (var m in failMonths)
        {
            if (m >= 0)
            {
                failed++;
                failedIn[m]++;
            }
        }

        var depletion = new double[schedule.YearEnds.Length];
        int month = 0, running = 0;
        for (var y = 0; y < depletion.Length; y++)
        {
            for (; month < schedule.YearEnds[y]; month++)
            {
                running += failedIn[month];
            }

            depletion[y] = (double)running / paths;
        }

        double? medianFailure = null;
        if (failed > 0)
        {
            var months = new float[failed];
            var k = 0;
            foreach (var m in failMonths)
            {
                if (m >= 0)
                {
                    months[k++] = m;
                }
            }

            var median = new double[1];
            OrderStatistics.Percentiles(months, [0.5], median);
            medianFailure = median[0];
        }

        var values = new double[Percentiles.Levels.Length];
        OrderStatistics.Percentiles(terminal.ToArray(), Percentiles.Levels, values);
        var nominal = Percentiles.From(values);
        List<YearOutcome>? years = null;
        if (yearEnds is not null)
        {
            years = new List<YearOutcome>(schedule.YearEnds.Length);
            for (var y = 0; y < schedule.YearEnds.Length; y++)
            {
                OrderStatistics.Percentiles(yearEnds.AsSpan(y * paths, paths), Percentiles.Levels, values);
                var end = schedule.YearEnds[y];
                var p = Percentiles.From(values);
                years.Add(new YearOutcome(y + 1, end, p, p.DividedBy(schedule.InflationFactor[end]), depletion[y]));
            }
        }

        var success = 1 - ((double)failed / paths);
        return new GpuSimulationResult(
            paths,
            input.Seed,
            success,
            Math.Sqrt(success * (1 - success) / paths),
            nominal,
            nominal.DividedBy(schedule.InflationFactor[input.HorizonMonths]),
            depletion,
            medianFailure,
            terminal,
            failMonths,
            years,
            device,
            kernelSeconds);
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
