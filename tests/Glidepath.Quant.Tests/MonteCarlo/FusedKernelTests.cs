using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>
/// The one-pass kernel (RebalancedNormalKernel) must give the general path's numbers bit for bit:
/// each case runs twice, once with the kernel turned off, and every output is compared exactly.
/// </summary>
public class FusedKernelTests
{
    public static TheoryData<string> Cases => new()
    {
        "one asset", "two assets", "three assets", "four assets", "antithetic", "glide path", "fee and failures",
        "wide returns", "partial last year and block",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_KernelOnAndOff_SameBits(string name)
    {
        var input = Case(name);
        Assert.True(RebalancedNormalKernel.Serves(input));

        var fused = MonteCarloSimulator.Run(input);
        var general = MonteCarloSimulator.Run(input, new SimulationOptions { Fuse = false });

        Assert.Equal(general.TerminalBalances.ToArray(), fused.TerminalBalances.ToArray());
        Assert.Equal(general.FailureMonths.ToArray(), fused.FailureMonths.ToArray());
        Assert.Equal(general.Years, fused.Years);
        Assert.Equal(general.Spending, fused.Spending);
        Assert.Equal(general.SuccessProbability, fused.SuccessProbability);
    }

    [Fact]
    public void Case_WideReturns_OftenBeyondTheShortExpRange()
    {
        // 90 % annual volatility: a monthly log return beyond ExpSmall's range, where the full exp takes over, is common.
        var input = Case("wide returns");
        var model = (NormalReturns)input.Returns;
        var sigma = Math.Abs(model.ScaledCholesky[0]);

        Assert.True(VectorMath.ExpSmallBound / sigma < 1.5, $"bound is {VectorMath.ExpSmallBound / sigma:F1} sigma");
    }

    [Fact]
    public void Serves_OtherModelsAllocationsAndPolicies_LeavesThemToTheGeneralPath()
    {
        var benchmark = Scenarios.Benchmark(64, 1);

        Assert.False(RebalancedNormalKernel.Serves(benchmark with { Returns = new StudentTReturns(Scenarios.BenchmarkAssets(), Scenarios.BenchmarkCorrelations, 5) }));
        Assert.False(RebalancedNormalKernel.Serves(benchmark with { Allocation = new Allocation([0.5, 0.3, 0.2], Rebalance.Annually) }));
        Assert.False(RebalancedNormalKernel.Serves(benchmark with { Spending = new SpendingPolicy(SpendingRule.GuytonKlinger, 40_000, 360, 719) }));
        var five = new NormalReturns([.. Scenarios.BenchmarkAssets(), .. Scenarios.BenchmarkAssets()[..2]], Identity(5));
        Assert.False(RebalancedNormalKernel.Serves(benchmark with { Returns = five, Allocation = new Allocation([0.2, 0.2, 0.2, 0.2, 0.2]) }));
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }

    private static SimulationInput Case(string name)
    {
        var benchmark = Shorter(Scenarios.Benchmark(2048, 17), 240);
        return name switch
        {
            "one asset" => benchmark with { Returns = Scenarios.OneAsset(0.06, 0.15), Allocation = new Allocation([1.0]) },
            "two assets" => benchmark with { Returns = Assets(2), Allocation = new Allocation([0.6, 0.4]) },
            "three assets" => benchmark,
            "four assets" => benchmark with { Returns = Assets(4), Allocation = new Allocation([0.4, 0.2, 0.3, 0.1]) },
            "antithetic" => benchmark with { Antithetic = true, Paths = 1500 },
            "glide path" => benchmark with
            {
                Allocation = new Allocation([0.8, 0.1, 0.1], GlidePath: [new GlidePoint(0, [0.8, 0.1, 0.1]), new GlidePoint(200, [0.2, 0.2, 0.6])]),
            },
            "fee and failures" => benchmark with
            {
                AnnualFee = 0.01,
                CashFlows = [new CashFlow(CashFlowKind.Withdrawal, 900, 0, 239, CashFlowFrequency.Monthly, InflationIndexed: true)],
            },
            "wide returns" => benchmark with { Returns = Scenarios.OneAsset(0.05, 0.9), Allocation = new Allocation([1.0]), Antithetic = true },
            "partial last year and block" => Shorter(benchmark with { Paths = 1100 }, 127),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    /// <summary>The benchmark's contributions then withdrawals over <paramref name="months"/>.</summary>
    private static SimulationInput Shorter(SimulationInput input, int months) => input with
    {
        HorizonMonths = months,
        CashFlows =
        [
            new CashFlow(CashFlowKind.Contribution, 1000, 0, (months / 2) - 1),
            new CashFlow(CashFlowKind.Withdrawal, 1500, months / 2, months - 1, CashFlowFrequency.Monthly, InflationIndexed: true),
        ],
    };

    private static NormalReturns Assets(int n)
    {
        MonthlyLogNormal[] all = [.. Scenarios.BenchmarkAssets(), MonthlyLogNormal.FromAnnual(0.02, 0.01)];
        var correlations = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                correlations[a, b] = a == b ? 1 : a < 3 && b < 3 ? Scenarios.BenchmarkCorrelations[a, b] : -0.2;
            }
        }

        return new NormalReturns(all[..n], correlations);
    }
}
