using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>Zero volatility makes every path the same, so balances can be computed by hand.</summary>
public class CashFlowTimingTests
{
    private static SimulationInput Deterministic(double annualReturn, double startBalance, int months, params CashFlow[] flows) => new()
    {
        StartBalance = startBalance,
        HorizonMonths = months,
        Returns = Scenarios.OneAsset(annualReturn, 0),
        Allocation = new Allocation([1.0]),
        CashFlows = flows,
        Paths = 64,
    };

    [Fact]
    public void Run_ZeroVolatility_FlowsAtMonthStartThenReturnWithInflationIndexing()
    {
        var input = Deterministic(
            0.06,
            1000,
            24,
            new CashFlow(CashFlowKind.Contribution, 100, 0, 11, CashFlowFrequency.Monthly, InflationIndexed: true),
            new CashFlow(CashFlowKind.Contribution, 500, 3, 3, CashFlowFrequency.Once),
            new CashFlow(CashFlowKind.Withdrawal, 200, 6, 23, CashFlowFrequency.Annual)) with
        { Inflation = 0.03, AnnualFee = 0.01 };

        var result = MonteCarloSimulator.Run(input);

        // By hand: B(t+1) = (B(t) + flows(t)) * 1.06^(1/12) * 0.99^(1/12).
        var g = Math.Pow(1.06, 1.0 / 12) * Math.Pow(0.99, 1.0 / 12);
        var b = 1000.0;
        for (var t = 0; t < 24; t++)
        {
            if (t <= 11)
            {
                b += 100 * Math.Pow(1.03, t / 12.0);
            }

            b += t == 3 ? 500 : 0;
            b -= t is 6 or 18 ? 200 : 0;
            b *= g;
            if (t == 11)
            {
                Assert.Equal(b, result.Years[0].Nominal.P50, b * 2e-6);
                Assert.Equal(b / 1.03, result.Years[0].Real.P5, b * 2e-6);
            }
        }

        Assert.Equal(b, result.TerminalNominal.P95, b * 2e-6);
        Assert.Equal(b / (1.03 * 1.03), result.TerminalReal.P50, b * 2e-6);
        Assert.Equal(1.0, result.SuccessProbability);
    }

    [Fact]
    public void Run_WithdrawalCannotBePaid_PathFailsAndStaysAtZero()
    {
        var input = Deterministic(
            0,
            1000,
            12,
            new CashFlow(CashFlowKind.Withdrawal, 300, 0, 11),
            new CashFlow(CashFlowKind.Contribution, 50, 6, 6, CashFlowFrequency.Once));

        var result = MonteCarloSimulator.Run(input);

        // 1000 -> 700 -> 400 -> 100; month 3 needs 300 > 100: fails, the 100 is paid out, later contributions do not revive it.
        Assert.Equal(0, result.SuccessProbability);
        Assert.All(result.FailureMonths.ToArray(), m => Assert.Equal(3, m));
        Assert.All(result.TerminalBalances.ToArray(), b => Assert.Equal(0f, b));
        Assert.Equal(3.0, result.MedianDepletionMonth);
        Assert.Equal(1.0, result.Years[0].DepletionProbability);
        Assert.Equal(1.0, result.Spending.CutYearShare);
        Assert.Equal(1000.0 / 3600, result.Spending.LowestSpendingRatioMedian, 5);
    }

    [Fact]
    public void Run_WithdrawalsExactlyExhaustBalance_PathSucceeds()
    {
        var result = MonteCarloSimulator.Run(Deterministic(0, 900, 12, new CashFlow(CashFlowKind.Withdrawal, 300, 0, 2)));

        Assert.Equal(1.0, result.SuccessProbability);
        Assert.Null(result.MedianDepletionMonth);
        Assert.Equal(0.0, result.TerminalNominal.P50);
    }

    [Fact]
    public void Run_NeverRebalancedOneAsset_SameAsMonthly()
    {
        var flows = new[] { new CashFlow(CashFlowKind.Contribution, 100, 0, 11), new CashFlow(CashFlowKind.Withdrawal, 50, 12, 23) };
        var monthly = MonteCarloSimulator.Run(Deterministic(0.05, 1000, 24, flows) with { Returns = Scenarios.OneAsset(0.05, 0.15) });
        var never = MonteCarloSimulator.Run(Deterministic(0.05, 1000, 24, flows) with
        {
            Returns = Scenarios.OneAsset(0.05, 0.15),
            Allocation = new Allocation([1.0], Rebalance.Never),
        });

        for (var p = 0; p < 64; p++)
        {
            Assert.Equal(monthly.TerminalBalances.Span[p], never.TerminalBalances.Span[p], monthly.TerminalBalances.Span[p] * 1e-5);
        }
    }

    [Fact]
    public void Run_MonthOutOfRange_ThrowsNamingField()
    {
        var input = Deterministic(0, 1000, 12, new CashFlow(CashFlowKind.Withdrawal, 10, 0, 12));

        Assert.Equal("cashFlows[0].endMonth", Assert.Throws<InvalidInputException>(() => MonteCarloSimulator.Run(input)).Field);
    }

    [Fact]
    public void Run_WeightsNotSummingToOne_ThrowsNamingField()
    {
        var input = Deterministic(0, 1000, 12) with
        {
            Returns = new NormalReturns(Scenarios.BenchmarkAssets(), Scenarios.BenchmarkCorrelations),
            Allocation = new Allocation([0.5, 0.3, 0.3]),
        };

        Assert.Equal("allocation.weights", Assert.Throws<InvalidInputException>(() => MonteCarloSimulator.Run(input)).Field);
    }
}
