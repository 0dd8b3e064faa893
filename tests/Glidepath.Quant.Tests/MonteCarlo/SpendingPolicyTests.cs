using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class SpendingPolicyTests
{
    private static SimulationResult Run(double annualReturn, int months, SpendingPolicy policy, double inflation = 0) =>
        MonteCarloSimulator.Run(new SimulationInput
        {
            StartBalance = 1000,
            HorizonMonths = months,
            Inflation = inflation,
            Returns = Scenarios.OneAsset(annualReturn, 0),
            Allocation = new Allocation([1.0]),
            Spending = policy,
            Paths = 32,
        });

    [Fact]
    public void PercentOfPortfolio_ZeroReturn_WithdrawsRateOfYearStartBalanceWithinFloor()
    {
        var result = Run(0, 24, new SpendingPolicy(SpendingRule.PercentOfPortfolio, 130, 0, 23) { Rate = 0.12, Floor = 110 });

        // Year 1: 12 % of 1000 = 120. Year 2: 12 % of 880 = 105.6, raised to the floor 110,
        // more than 10 % below the plan of 130.
        Assert.Equal(880, result.Years[0].Nominal.P50, 3);
        Assert.Equal(770, result.Years[1].Nominal.P50, 3);
        Assert.Equal(0.5, result.Spending.CutYearShare);
    }

    [Fact]
    public void ConstantReal_IndexedMonthly_MatchesIndexedWithdrawal()
    {
        var result = Run(0, 12, new SpendingPolicy(SpendingRule.ConstantReal, 120, 0, 11), inflation: 0.03);

        var expected = 1000 - Enumerable.Range(0, 12).Sum(t => 10 * Math.Pow(1.03, t / 12.0));
        Assert.Equal(expected, result.TerminalNominal.P50, 3);
    }

    [Theory]
    [InlineData(0.05, 30, 0.0619538)] // 0.05 / (1.05 (1 - 1.05^-30))
    [InlineData(0.0, 25, 0.04)]
    [InlineData(0.04, 1, 1.0)]
    public void VpwRate_Pmt_MatchesHandComputed(double r, int years, double expected)
    {
        Assert.Equal(expected, SpendingRules.VpwRate(r, years), 6);
    }

    [Fact]
    public void GuytonKlinger_StrongGrowth_ProsperityRuleRaisesSpending()
    {
        const double growth = 0.20;
        var result = Run(growth, 36, new SpendingPolicy(SpendingRule.GuytonKlinger, 40, 0, 35));

        // Oracle: rules applied by hand at each year start (inflation 0, so the inflation rule keeps spending).
        var g = Math.Pow(1 + growth, 1.0 / 12);
        double b = 1000, spend = 40, initialRate = 0.04;
        for (var year = 0; year < 3; year++)
        {
            if (year > 0)
            {
                var rate = spend / b;
                spend *= rate > initialRate * 1.2 && 3 - year > 15 ? 0.9 : rate < initialRate * 0.8 ? 1.1 : 1.0;
            }

            for (var m = 0; m < 12; m++)
            {
                b = (b - (spend / 12)) * g;
            }
        }

        Assert.Equal(b, result.TerminalNominal.P50, b * 1e-5);
        Assert.True(spend > 40);
    }

    [Fact]
    public void VariablePercentage_LastYear_SpendsEverything()
    {
        var result = Run(0, 24, new SpendingPolicy(SpendingRule.VariablePercentage, 500, 0, 23) { ExpectedRealReturn = 0 });

        // Year 1: 1/2 of 1000; year 2: all of 500.
        Assert.Equal(500, result.Years[0].Nominal.P50, 2);
        Assert.Equal(0, result.TerminalNominal.P50, 2);
        Assert.Equal(1.0, result.SuccessProbability);
    }
}
