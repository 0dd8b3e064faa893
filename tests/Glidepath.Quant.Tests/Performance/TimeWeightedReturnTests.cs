using Glidepath.Quant.Performance;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Performance;

public class TimeWeightedReturnTests
{
    // Portfolio Performance help, "Time-Weighted Rate of Return", demo-portfolio-03 over two years:
    // HP1 -9.94 %, HP2 8.31 % (deposit 84), HP3 28.73 % (deposit 67), total 25.58 %.
    [Fact]
    public void Daily_PortfolioPerformanceDemoPortfolio03_Gives25Point58Percent()
    {
        var result = TimeWeightedReturn.Daily(177.94, [160.26, 264.57, 426.82], [0, 84, 67]);

        Tolerance.Close(-0.0994, result.DailyReturns[0], abs: 5e-5);
        Tolerance.Close(0.0831, result.DailyReturns[1], abs: 5e-5);
        Tolerance.Close(0.2873, result.DailyReturns[2], abs: 5e-5);
        Tolerance.Close(0.2558, result.Cumulative, abs: 5e-5);
    }

    // Same page, security level: share-2 bought for 66 from a value of 0, worth 111.76 at the end: 69.33 %.
    [Fact]
    public void Daily_PurchaseFromZeroValue_Gives69Point33Percent()
    {
        var result = TimeWeightedReturn.Daily(0, [0, 111.76], [0, 66]);

        Assert.Equal(0.0, result.DailyReturns[0]);
        Tolerance.Close(0.6933, result.Cumulative, abs: 5e-5);
    }

    // Same page, classical method: 100 grows 10 %, a deposit of 20 then 5 %, a withdrawal of 30 at the
    // start of the last period then 10 %: (1.1)(1.05)(1.1) - 1 = 27.05 %.
    [Fact]
    public void Link_ClassicalThreePeriodExample_Gives27Point05Percent()
    {
        double[] periods =
        [
            TimeWeightedReturn.HoldingPeriodReturn(100, 110, 0, 0),
            TimeWeightedReturn.HoldingPeriodReturn(110, 136.5, 20, 0),
            TimeWeightedReturn.HoldingPeriodReturn(136.5, 117.15, -30, 0),
        ];

        Tolerance.Close(0.2705, TimeWeightedReturn.Link(periods), rel: 1e-13);
    }

    [Fact]
    public void HoldingPeriodReturn_WithdrawalAtEndOfDay_IsAddedBackToEndValue()
    {
        // 1000 gains 2 % during the day, then 510 is withdrawn at the close.
        Tolerance.Close(0.02, TimeWeightedReturn.HoldingPeriodReturn(1000, 510, 0, -510), rel: 1e-13);
    }

    // Same page, "TTWROR p.a.": 30 % over 730 days is 14.02 % a year; 2 % over 31 days is 26.26 %.
    [Theory]
    [InlineData(0.30, 730, 0.1402)]
    [InlineData(0.02, 31, 0.2626)]
    public void AnnualiseByDays_DocumentedExamples(double periodReturn, int days, double expected)
    {
        Tolerance.Close(expected, TimeWeightedReturn.AnnualiseByDays(periodReturn, days), abs: 5e-5);
    }

    // Monthly deposits bought at the previous close and June withdrawals sold at the close leave the
    // daily TTWROR equal to the DJIA's own price return (real data, 2000-2004; make_returns.py).
    [Fact]
    public void Daily_DjiaSavingsPlan_EqualsIndexReturnAndNumpy()
    {
        var plan = Fixture.Json("returns.json").GetProperty("djiaPlan");

        var result = TimeWeightedReturn.Daily(0, plan.GetProperty("endValues").Doubles(), plan.GetProperty("netFlows").Doubles());

        Tolerance.Close(plan.GetProperty("twr").GetDouble(), result.Cumulative, rel: 1e-11);
        Tolerance.Close(plan.GetProperty("indexReturn").GetDouble(), result.Cumulative, rel: 1e-10);
        Tolerance.Close(plan.GetProperty("twrPerAnnum").GetDouble(),
            TimeWeightedReturn.AnnualiseByDays(result.Cumulative, plan.GetProperty("calendarDays").GetInt32()), rel: 1e-11);
    }
}
