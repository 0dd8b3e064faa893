using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class SimulationSummaryTests
{
    [Fact]
    public void Run_EndAboveStart_IsTheShareOfTerminalBalancesAtLeastTheStartInTodaysMoney()
    {
        // 1,000 paths: 62 vectors of 16 and a tail of 8, both counted.
        var input = Scenarios.Benchmark(1000, 23) with
        {
            HorizonMonths = 240,
            CashFlows = [new CashFlow(CashFlowKind.Withdrawal, 300, 0, 239, CashFlowFrequency.Monthly, InflationIndexed: true)],
        };

        var result = MonteCarloSimulator.Run(input);

        var factor = Math.Pow(1 + input.Inflation, 240 / 12.0);
        var above = result.TerminalBalances.ToArray().Count(b => b / factor >= input.StartBalance);
        Assert.InRange(above, 100, 900);
        Assert.Equal(above / 1000.0, result.Spending.EndAboveStartProbability);
    }
}
