using Glidepath.Domain.Portfolios;

namespace Glidepath.Domain.Tests.Portfolios;

/// <summary>Evaluated portfolios against the two-asset closed form: E = wᵀμ + (1 − Σw)·r_f, σ² = wᵀΣw.</summary>
public sealed class PortfolioEvaluationTest
{
    // Two assets over four periods; the expected figures are computed from these rows in the test.
    private static readonly double[,] Returns = { { 0.02, 0.005 }, { -0.01, 0.0 }, { 0.03, 0.01 }, { 0.0, -0.005 } };

    [Fact]
    public void Run_EvaluateMixWithCash_MatchesClosedForm()
    {
        var spec = new OptimizationSpec
        {
            Objective = "min-variance",
            RiskFree = 0.01,
            Evaluate = [new PortfolioToEvaluate("mix", new Dictionary<string, double> { ["A"] = 0.3, ["B"] = 0.5 })],
        };

        var outcome = PortfolioOptimization.Run(["A", "B"], Returns, spec);

        double[] a = [0.02, -0.01, 0.03, 0.0], b = [0.005, 0.0, 0.01, -0.005];
        double Cov(double[] x, double[] y) => x.Zip(y).Sum(p => (p.First - x.Average()) * (p.Second - y.Average())) / (x.Length - 1);
        var expected = (0.3 * a.Average()) + (0.5 * b.Average()) + (0.2 * 0.01);
        var variance = (0.09 * Cov(a, a)) + (2 * 0.15 * Cov(a, b)) + (0.25 * Cov(b, b));
        var e = Assert.Single(outcome.Evaluated!);
        Assert.Equal("mix", e.Name);
        Assert.Equal(expected, e.ExpectedReturn, 1e-15);
        Assert.Equal(Math.Sqrt(variance), e.Volatility, 1e-15);
        Assert.Equal((expected - 0.01) / Math.Sqrt(variance), e.Sharpe!.Value, 1e-12);
        Assert.Equal(0.2, e.RiskFreeWeight, 1e-15);
    }

    [Theory]
    [InlineData("A", 1.2)]
    [InlineData("A", -0.1)]
    [InlineData("C", 0.1)]
    [InlineData("A", double.NaN)]
    public void Run_EvaluateBadWeights_FailsAsInvalidInput(string asset, double weight)
    {
        var spec = new OptimizationSpec { Objective = "min-variance", Evaluate = [new PortfolioToEvaluate("bad", new Dictionary<string, double> { [asset] = weight })] };

        var outcome = PortfolioOptimization.Run(["A", "B"], Returns, spec);

        Assert.Equal((OptimizationFailure.InvalidInput, "evaluate"), (outcome.Failure!.Code, outcome.Failure.Field));
    }
}
