using Glidepath.Quant.Performance;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Performance;

public class XirrTests
{
    private static readonly DateOnly[] ExcelDates =
        [new(2008, 1, 1), new(2008, 3, 1), new(2008, 10, 30), new(2009, 2, 15), new(2009, 4, 1)];

    private static readonly double[] ExcelAmounts = [-10000, 2750, 4250, 3250, 2750];

    // Microsoft Excel's XIRR documentation example: 0.373362535 (37.34 %). Excel iterates only until
    // "the result is accurate within 0.000001 percent", so the documented digits hold to 1e-8 relative;
    // brentq on the same flows gives the root to full precision.
    [Fact]
    public void Solve_ExcelDocumentationExample_MatchesDocumentedAnswerAndBrentq()
    {
        var result = Xirr.Solve(ExcelDates, ExcelAmounts);

        Assert.Equal(XirrStatus.Solved, result.Status);
        Tolerance.Close(0.373362535, result.Rate, rel: 1e-8);
        Tolerance.Close(Fixture.Json("returns.json").GetProperty("excelXirrBrentq").GetDouble(), result.Rate, rel: 1e-12);
    }

    [Theory]
    [InlineData(-0.99)]
    [InlineData(50.0)]
    public void Solve_FarGuess_FallsBackToBracketing(double guess)
    {
        var result = Xirr.Solve(ExcelDates, ExcelAmounts, guess);

        Assert.Equal(XirrStatus.Solved, result.Status);
        Tolerance.Close(0.373362535, result.Rate, rel: 1e-8);
    }

    [Fact]
    public void Solve_DjiaSavingsPlan_MatchesBrentq()
    {
        var plan = Fixture.Json("returns.json").GetProperty("djiaPlan");

        var result = Xirr.Solve(plan.GetProperty("xirrDates").Dates(), plan.GetProperty("xirrAmounts").Doubles());

        Assert.Equal(XirrStatus.Solved, result.Status);
        Tolerance.Close(plan.GetProperty("xirr").GetDouble(), result.Rate, rel: 1e-11);
    }

    // -100, +230, -132 a year apart (365 days): NPV = 0 at both 10 % and 20 %.
    [Fact]
    public void Solve_TwoRoots_ReportsBothAndChoosesNone()
    {
        var result = Xirr.Solve([new(2001, 1, 1), new(2002, 1, 1), new(2003, 1, 1)], [-100, 230, -132]);

        Assert.Equal(XirrStatus.MultipleRoots, result.Status);
        Assert.True(double.IsNaN(result.Rate));
        Assert.Equal(2, result.Roots.Count);
        Tolerance.Close(0.1, result.Roots[0], rel: 1e-12);
        Tolerance.Close(0.2, result.Roots[1], rel: 1e-12);
    }

    [Fact]
    public void Solve_AllFlowsPositive_ReportsNoSignChange()
    {
        var result = Xirr.Solve([new(2020, 1, 1), new(2021, 1, 1)], [100, 50]);

        Assert.Equal(XirrStatus.NoSignChange, result.Status);
        Assert.Empty(result.Roots);
    }

    // -100 + 50v - 100v² < 0 for every discount factor v: no rate makes the NPV zero.
    [Fact]
    public void Solve_NpvNeverZero_ReportsNoRoot()
    {
        var result = Xirr.Solve([new(2001, 1, 1), new(2002, 1, 1), new(2003, 1, 1)], [-100, 50, -100]);

        Assert.Equal(XirrStatus.NoRoot, result.Status);
        Assert.True(double.IsNaN(result.Rate));
    }

    [Fact]
    public void NetPresentValue_AtSolvedRate_IsZero()
    {
        var rate = Xirr.Solve(ExcelDates, ExcelAmounts).Rate;

        Tolerance.Close(0.0, Xirr.NetPresentValue(ExcelDates, ExcelAmounts, rate), abs: 1e-8);
    }
}
