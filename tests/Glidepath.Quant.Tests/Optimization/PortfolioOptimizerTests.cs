using System.Text.Json;
using Glidepath.Quant.Optimization;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Optimization;

// Weights from cvxopt on real data (Fixtures/make_optimization.py); μ and Σ are read from the
// fixture so both solvers optimise the same inputs. Agreement is required within 1e-6 per weight.
public class PortfolioOptimizerTests
{
    private const double WeightTolerance = 1e-6;

    private static readonly PortfolioConstraints LppBoundedGroups = new()
    {
        DefaultMin = 0.02,
        DefaultMax = 0.4,
        Groups = [new GroupConstraint("Equities", [1, 4], 0.2, 1.0), new GroupConstraint("Bonds", [0, 3], 0.0, 0.6)],
    };

    private static (double[,] Cov, double[] Mu, double Rf, JsonElement Cases) Load(string name)
    {
        var e = Fixture.Json("optimization.json").GetProperty(name);
        return (e.GetProperty("cov").Matrix(), e.GetProperty("mu").Doubles(), e.GetProperty("riskFree").GetDouble(), e.GetProperty("cases"));
    }

    private static void AssertWeights(JsonElement expected, PortfolioResult actual)
    {
        Assert.True(actual.IsOptimal, actual.Message);
        Tolerance.Close(expected.Doubles(), actual.Weights, rel: 0, abs: WeightTolerance);
        Tolerance.Close(1.0, actual.Weights.Sum(), rel: 1e-13);
    }

    [Fact]
    public void MinimumVariance_Lpp2005_MatchesCvxopt()
    {
        var (cov, mu, _, cases) = Load("lpp");

        AssertWeights(cases.GetProperty("minVarianceLongOnly"), PortfolioOptimizer.MinimumVariance(cov, PortfolioConstraints.LongOnly, mu));
        AssertWeights(cases.GetProperty("minVarianceBoundedGroups"), PortfolioOptimizer.MinimumVariance(cov, LppBoundedGroups, mu));
    }

    [Fact]
    public void TargetReturn_Lpp2005_MatchesCvxopt()
    {
        var (cov, mu, _, cases) = Load("lpp");
        var target = cases.GetProperty("targetReturnValue").GetDouble();

        var result = PortfolioOptimizer.TargetReturn(cov, mu, target, PortfolioConstraints.LongOnly);

        AssertWeights(cases.GetProperty("targetReturnLongOnly"), result);
        Tolerance.Close(target, result.ExpectedReturn, rel: 1e-12);
    }

    [Fact]
    public void MaximumSharpe_Lpp2005_MatchesCvxopt()
    {
        var (cov, mu, rf, cases) = Load("lpp");

        AssertWeights(cases.GetProperty("maxSharpeLongOnly"), PortfolioOptimizer.MaximumSharpe(cov, mu, rf, PortfolioConstraints.LongOnly));
        AssertWeights(cases.GetProperty("maxSharpeBoundedGroups"), PortfolioOptimizer.MaximumSharpe(cov, mu, rf, LppBoundedGroups));
    }

    [Fact]
    public void EfficientFrontier_Lpp2005_MatchesCvxoptPointByPoint()
    {
        var (cov, mu, _, cases) = Load("lpp");
        var expected = cases.GetProperty("frontierLongOnly");
        var targets = expected.GetProperty("targets").Doubles();
        var weights = expected.GetProperty("weights").EnumerateArray().ToArray();

        var frontier = PortfolioOptimizer.EfficientFrontier(cov, mu, targets.Length, PortfolioConstraints.LongOnly);

        Assert.Equal(targets.Length, frontier.Count);
        for (var k = 0; k < targets.Length; k++)
        {
            Tolerance.Close(targets[k], frontier[k].ExpectedReturn, rel: 1e-7, what: $"target {k}");
            AssertWeights(weights[k], frontier[k]);
        }
    }

    [Fact]
    public void TargetVolatility_Lpp2005_MatchesCvxopt()
    {
        var (cov, mu, _, cases) = Load("lpp");
        var vol = cases.GetProperty("targetVolatilityValue").GetDouble();

        var result = PortfolioOptimizer.TargetVolatility(cov, mu, vol, PortfolioConstraints.LongOnly);

        AssertWeights(cases.GetProperty("targetVolatilityLongOnly"), result);
        Tolerance.Close(vol, result.Volatility, rel: 1e-10);
    }

    [Fact]
    public void MinimumVariance_TurnoverLimit_MatchesCvxoptAndHoldsTheLimit()
    {
        var (cov, mu, _, cases) = Load("lpp");
        var current = cases.GetProperty("turnoverCurrent").Doubles();
        var constraints = PortfolioConstraints.LongOnly with { Turnover = new TurnoverLimit(current, 0.2) };

        var result = PortfolioOptimizer.MinimumVariance(cov, constraints, mu);

        AssertWeights(cases.GetProperty("minVarianceTurnover20"), result);
        Assert.True(result.Weights.Select((w, i) => Math.Abs(w - current[i])).Sum() <= 0.2 + 1e-12);
    }

    [Fact]
    public void RiskParity_RealData_MatchesCoordinateDescentAndEqualisesContributions()
    {
        foreach (var name in new[] { "lpp", "smallcap" })
        {
            var (cov, mu, _, cases) = Load(name);

            var result = RiskParity.Solve(cov, expectedReturns: mu);

            Tolerance.Close(cases.GetProperty("riskParity").Doubles(), result.Weights, rel: 1e-10, what: name);
            var n = result.Weights.Length;
            Tolerance.Close(Enumerable.Repeat(1.0 / n, n).ToArray(), RiskParity.RiskContributions(cov, result.Weights), rel: 1e-12, what: name);
        }
    }

    [Fact]
    public void RiskParity_UnequalBudgets_ContributionsFollowBudgets()
    {
        var (cov, _, _, _) = Load("lpp");
        double[] budgets = [2, 1, 1, 1, 1, 2];

        var result = RiskParity.Solve(cov, budgets);

        Tolerance.Close([.. budgets.Select(b => b / 8)], RiskParity.RiskContributions(cov, result.Weights), rel: 1e-12);
    }

    [Fact]
    public void SmallCapAndDowJones_MinVarianceAndMaxSharpe_MatchCvxopt()
    {
        var (cov, mu, rf, cases) = Load("smallcap");
        AssertWeights(cases.GetProperty("minVarianceLongOnly"), PortfolioOptimizer.MinimumVariance(cov, PortfolioConstraints.LongOnly, mu));
        AssertWeights(cases.GetProperty("maxSharpeMax20"), PortfolioOptimizer.MaximumSharpe(cov, mu, rf, new PortfolioConstraints { DefaultMax = 0.2 }));

        (cov, mu, rf, cases) = Load("dowjones30");
        AssertWeights(cases.GetProperty("minVarianceLongOnly"), PortfolioOptimizer.MinimumVariance(cov, PortfolioConstraints.LongOnly, mu));
        AssertWeights(cases.GetProperty("maxSharpeMax10"), PortfolioOptimizer.MaximumSharpe(cov, mu, rf, new PortfolioConstraints { DefaultMax = 0.1 }));
    }

    // 486 assets: Σ from LedoitWolf.ConstantCorrelation (tested against numpy separately).
    [Fact]
    public void MaximumSharpe_Sp500With486Assets_MatchesCvxopt()
    {
        var returns = Covariance.CovarianceEstimatorTests.Sp500Returns();
        int t = returns.GetLength(0), n = returns.GetLength(1);
        var mu = new double[n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < t; i++)
            {
                mu[j] += returns[i, j] / t;
            }
        }

        var cov = Quant.Covariance.LedoitWolf.ConstantCorrelation(returns).Covariance;

        var result = PortfolioOptimizer.MaximumSharpe(cov, mu, 0.0, new PortfolioConstraints { DefaultMax = 0.05 });

        AssertWeights(Fixture.Json("optimization.json").GetProperty("sp500").GetProperty("maxSharpeMax5"), result);
    }

    [Fact]
    public void EfficientFrontier_DowJones30Bounded_MatchesCvxopt()
    {
        var (cov, mu, _, cases) = Load("dowjones30");
        var weights = cases.GetProperty("frontierMax15").GetProperty("weights").EnumerateArray().ToArray();

        var frontier = PortfolioOptimizer.EfficientFrontier(cov, mu, weights.Length, new PortfolioConstraints { DefaultMax = 0.15 });

        for (var k = 0; k < weights.Length; k++)
        {
            AssertWeights(weights[k], frontier[k]);
        }
    }

    [Fact]
    public void MinimumVariance_GroupMinimaAboveOne_NamesConflictingConstraints()
    {
        var (cov, _, _, _) = Load("lpp");
        var constraints = new PortfolioConstraints
        {
            AssetNames = ["SBI", "SPI", "SII", "LMI", "MPI", "ALT"],
            Groups = [new GroupConstraint("Equities", [1, 4], 0.7, 1.0), new GroupConstraint("Bonds", [0, 3], 0.5, 1.0)],
        };

        var result = PortfolioOptimizer.MinimumVariance(cov, constraints);

        Assert.Equal(PortfolioStatus.Infeasible, result.Status);
        Assert.Contains("group Equities ≥ 0.7", result.ConflictingConstraints);
        Assert.Contains("group Bonds ≥ 0.5", result.ConflictingConstraints);
        Assert.Contains("fully invested (Σw = 1)", result.ConflictingConstraints);
        Assert.Contains("group Equities ≥ 0.7", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimumVariance_MaximaSumBelowOne_NamesEveryMaximumAndTheBudget()
    {
        var (cov, _, _, _) = Load("lpp");
        var constraints = new PortfolioConstraints { AssetNames = ["SBI", "SPI", "SII", "LMI", "MPI", "ALT"], DefaultMax = 0.1 };

        var result = PortfolioOptimizer.MinimumVariance(cov, constraints);

        Assert.Equal(PortfolioStatus.Infeasible, result.Status);
        Assert.Equal(7, result.ConflictingConstraints.Count);
        Assert.Contains("fully invested (Σw = 1)", result.ConflictingConstraints);
        Assert.Contains("max weight SPI ≤ 0.1", result.ConflictingConstraints);
    }

    [Fact]
    public void MaximumSharpe_MaximaSumBelowOne_IsInfeasibleWithNames()
    {
        var (cov, mu, rf, _) = Load("lpp");

        var result = PortfolioOptimizer.MaximumSharpe(cov, mu, rf, new PortfolioConstraints { DefaultMax = 0.1 });

        Assert.Equal(PortfolioStatus.Infeasible, result.Status);
        Assert.Contains("max weight asset 0 ≤ 0.1", result.ConflictingConstraints);
    }

    [Fact]
    public void MaximumSharpe_RiskFreeAboveEveryReturn_IsUnattainable()
    {
        var (cov, mu, _, _) = Load("lpp");

        var result = PortfolioOptimizer.MaximumSharpe(cov, mu, mu.Max() + 1e-4, PortfolioConstraints.LongOnly);

        Assert.Equal(PortfolioStatus.Unattainable, result.Status);
    }

    [Fact]
    public void MaximumSharpe_TurnoverLimit_HoldsLimitAndLooseLimitChangesNothing()
    {
        var (cov, mu, rf, cases) = Load("lpp");
        var current = cases.GetProperty("turnoverCurrent").Doubles();
        var free = PortfolioOptimizer.MaximumSharpe(cov, mu, rf, PortfolioConstraints.LongOnly);

        var tight = PortfolioOptimizer.MaximumSharpe(cov, mu, rf, PortfolioConstraints.LongOnly with { Turnover = new TurnoverLimit(current, 0.3) });
        var loose = PortfolioOptimizer.MaximumSharpe(cov, mu, rf, PortfolioConstraints.LongOnly with { Turnover = new TurnoverLimit(current, 2.0) });

        Assert.True(tight.IsOptimal, tight.Message);
        Assert.True(tight.Weights.Select((w, i) => Math.Abs(w - current[i])).Sum() <= 0.3 + 1e-10);
        Assert.True(tight.SharpeRatio < free.SharpeRatio);
        Tolerance.Close(free.Weights, loose.Weights, rel: 0, abs: 1e-9);
    }

    [Fact]
    public void TargetReturn_EqualMeans_IsTheMinimumVariancePortfolio()
    {
        var (cov, _, _, cases) = Load("lpp");
        var mu = Enumerable.Repeat(0.001, 6).ToArray();

        AssertWeights(cases.GetProperty("minVarianceLongOnly"), PortfolioOptimizer.TargetReturn(cov, mu, 0.001, PortfolioConstraints.LongOnly));
    }

    [Fact]
    public void TargetReturn_AboveEveryAsset_IsUnattainable()
    {
        var (cov, mu, _, _) = Load("lpp");

        var result = PortfolioOptimizer.TargetReturn(cov, mu, mu.Max() * 2, PortfolioConstraints.LongOnly);

        Assert.Equal(PortfolioStatus.Unattainable, result.Status);
    }
}
