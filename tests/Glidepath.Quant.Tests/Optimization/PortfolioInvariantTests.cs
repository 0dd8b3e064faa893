using Glidepath.Quant.Optimization;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Optimization;

// Invariants over a grid of bounds on the 20 SMALLCAP stocks: every optimal portfolio is fully
// invested and inside its bounds, and no objective does worse than the equal-weight portfolio,
// which is feasible for every grid point.
public class PortfolioInvariantTests
{
    public static TheoryData<double, double> Bounds()
    {
        var data = new TheoryData<double, double>();
        foreach (var min in new[] { 0.0, 0.01, 0.04 })
        {
            foreach (var max in new[] { 0.06, 0.1, 0.25, 1.0 })
            {
                data.Add(min, max);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Optimisers_AnyBounds_StayInsideAndBeatEqualWeight(double min, double max)
    {
        var e = Fixture.Json("optimization.json").GetProperty("smallcap");
        var (cov, mu, rf) = (e.GetProperty("cov").Matrix(), e.GetProperty("mu").Doubles(), e.GetProperty("riskFree").GetDouble());
        var n = mu.Length;
        var constraints = new PortfolioConstraints { DefaultMin = min, DefaultMax = max };
        var equal = Enumerable.Repeat(1.0 / n, n).ToArray();
        var equalVariance = Variance(cov, equal);
        double Sharpe(double[] w) => (w.Select((x, i) => x * mu[i]).Sum() - rf) / Math.Sqrt(Variance(cov, w));

        var minVar = PortfolioOptimizer.MinimumVariance(cov, constraints, mu);
        var maxSharpe = PortfolioOptimizer.MaximumSharpe(cov, mu, rf, constraints);

        foreach (var result in new[] { minVar, maxSharpe })
        {
            Assert.True(result.IsOptimal, result.Message);
            Tolerance.Close(1.0, result.Weights.Sum(), rel: 1e-12);
            Assert.All(result.Weights, w => Assert.InRange(w, min - 1e-12, max + 1e-12));
        }

        Assert.True(Variance(cov, minVar.Weights) <= equalVariance * (1 + 1e-12));
        Tolerance.Close(Sharpe(maxSharpe.Weights), maxSharpe.SharpeRatio, rel: 1e-12);
        Assert.True(maxSharpe.SharpeRatio >= Sharpe(equal) - 1e-12);
        Assert.True(maxSharpe.SharpeRatio >= Sharpe(minVar.Weights) - 1e-12);
    }

    private static double Variance(double[,] cov, double[] w)
    {
        var v = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < w.Length; j++)
            {
                v += w[i] * cov[i, j] * w[j];
            }
        }

        return v;
    }

    [Fact]
    public void MinimumVariance_PerAssetBounds_AreRespectedAndBind()
    {
        var e = Fixture.Json("optimization.json").GetProperty("lpp");
        var cov = e.GetProperty("cov").Matrix();
        var free = PortfolioOptimizer.MinimumVariance(cov, PortfolioConstraints.LongOnly);
        double[] min = [0, 0.15, 0, 0, 0, 0];
        double[] max = [0.3, 1, 1, 1, 1, 1];

        var bounded = PortfolioOptimizer.MinimumVariance(cov, new PortfolioConstraints { MinWeights = min, MaxWeights = max });

        Assert.True(free.Weights[1] < 0.15 && free.Weights[0] > 0.3);
        Tolerance.Close(0.15, bounded.Weights[1], rel: 1e-12);
        Tolerance.Close(0.3, bounded.Weights[0], rel: 1e-12);
        Assert.True(Variance(cov, bounded.Weights) > Variance(cov, free.Weights));
    }
}
