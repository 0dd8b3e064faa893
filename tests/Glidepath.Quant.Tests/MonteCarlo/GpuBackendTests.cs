using Glidepath.Quant.Gpu;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>
/// The ILGPU kernel on ILGPU's CPU accelerator (no GPU in CI) against the CPU engine. Both draw
/// path p's normals from the same xoshiro128+ stream, so they differ only by float rounding: the
/// kernel uses separate multiplies and adds where the engine uses fused multiply-adds. Over 720
/// months that drifts a balance by at most a few parts in 10^5; a path whose balance ends a month
/// within that margin of its withdrawal may fail one side and not the other.
/// </summary>
public class GpuBackendTests
{
    [Fact]
    public void Run_BenchmarkScenarioOnCpuAccelerator_MatchesCpuEnginePathByPath()
    {
        var input = Scenarios.Benchmark(3000, 11);
        var cpu = MonteCarloSimulator.Run(input);
        using var gpu = GpuSimulator.CreateCpuAccelerator();

        var kernel = gpu.Run(input, recordYearEnds: true);

        Assert.Equal(3000, kernel.Paths);
        var cpuTerminal = cpu.TerminalBalances.Span;
        var cpuFail = cpu.FailureMonths.Span;
        int mismatchedFailures = 0, loose = 0;
        for (var p = 0; p < kernel.Paths; p++)
        {
            if (cpuFail[p] != kernel.FailureMonths.Span[p])
            {
                mismatchedFailures++;
                continue;
            }

            var a = cpuTerminal[p];
            var b = kernel.TerminalBalances.Span[p];
            Assert.True(Math.Abs(a - b) <= (1e-3 * Math.Abs(a)) + 20, $"path {p}: CPU {a}, kernel {b}");
            loose += Close(a, b) ? 0 : 1;
        }

        // A path with the wrong draws or step is off by percents within months; rounding stays near 1e-6 of the
        // path's peak balance, which for a path drawn down late is a larger share of what is left.
        Assert.InRange(loose, 0, kernel.Paths / 100);

        // At most 0.2 % of paths sit on a failure edge; a wrong stream or step would mismatch most of them.
        Assert.InRange(mismatchedFailures, 0, 6);
        Assert.Equal(cpu.SuccessProbability, kernel.SuccessProbability, 0.002);
        Assert.Equal(cpu.TerminalNominal.P50, kernel.TerminalNominal.P50, cpu.TerminalNominal.P50 * 1e-4);
        Assert.Equal(cpu.TerminalReal.P10, kernel.TerminalReal.P10, Math.Max(cpu.TerminalReal.P10 * 1e-4, 1));
        Assert.NotNull(kernel.Years);
        Assert.Equal(cpu.Years.Count, kernel.Years.Count);
        for (var y = 0; y < cpu.Years.Count; y++)
        {
            Assert.Equal(cpu.Years[y].Month, kernel.Years[y].Month);
            Assert.Equal(cpu.Years[y].Nominal.P50, kernel.Years[y].Nominal.P50, cpu.Years[y].Nominal.P50 * 1e-4);
            Assert.Equal(cpu.Years[y].Nominal.P95, kernel.Years[y].Nominal.P95, cpu.Years[y].Nominal.P95 * 1e-4);
            Assert.Equal(cpu.Years[y].DepletionProbability, kernel.Years[y].DepletionProbability, 0.002);
            Assert.Equal(kernel.Years[y].DepletionProbability, kernel.DepletionByYear[y]);
        }
    }

    [Fact]
    public void Run_GlidePathAndIndexedFlows_MatchCpuEngine()
    {
        var input = Scenarios.Benchmark(512, 3) with
        {
            HorizonMonths = 240,
            AnnualFee = 0.004,
            Allocation = new Allocation([0.6, 0.2, 0.2], GlidePath: [new GlidePoint(0, [0.8, 0.1, 0.1]), new GlidePoint(239, [0.2, 0.1, 0.7])]),
            CashFlows = [new CashFlow(CashFlowKind.Withdrawal, 500, 0, 239, CashFlowFrequency.Monthly, InflationIndexed: true)],
        };
        var cpu = MonteCarloSimulator.Run(input);
        using var gpu = GpuSimulator.CreateCpuAccelerator();

        var kernel = gpu.Run(input);

        Assert.Null(kernel.Years);
        for (var p = 0; p < 512; p++)
        {
            if (cpu.FailureMonths.Span[p] == kernel.FailureMonths.Span[p])
            {
                var (a, b) = (cpu.TerminalBalances.Span[p], kernel.TerminalBalances.Span[p]);
                Assert.True(Close(a, b), $"path {p}: CPU {a}, kernel {b}");
            }
        }

        Assert.Equal(cpu.SuccessProbability, kernel.SuccessProbability, 0.004);
    }

    /// <summary>
    /// Within 1e-4 relative, or 2 currency units: a path drawn down from a large balance keeps the
    /// absolute rounding of its peak (about 1e-6 of up to a million) in a small terminal balance.
    /// </summary>
    private static bool Close(float cpu, float kernel) => Math.Abs(cpu - kernel) <= (1e-4 * Math.Abs(cpu)) + 2;

    [Fact]
    public void Supports_ModelsOutsideTheKernel_NamedAndRefused()
    {
        var plain = Scenarios.Benchmark(64, 1);
        Assert.Null(GpuSimulator.Supports(plain));
        Assert.NotNull(GpuSimulator.Supports(plain with { Antithetic = true }));
        Assert.NotNull(GpuSimulator.Supports(plain with { Returns = new StudentTReturns(Scenarios.BenchmarkAssets(), Scenarios.BenchmarkCorrelations, 5) }));
        Assert.NotNull(GpuSimulator.Supports(plain with { Allocation = new Allocation([0.5, 0.3, 0.2], Rebalance.Annually) }));
        Assert.NotNull(GpuSimulator.Supports(plain with { Spending = new SpendingPolicy(SpendingRule.PercentOfPortfolio, 40_000, 0, 719) { Rate = 0.04 } }));

        using var gpu = GpuSimulator.CreateCpuAccelerator();
        Assert.Throws<NotSupportedException>(() => gpu.Run(plain with { Antithetic = true }));
    }
}
