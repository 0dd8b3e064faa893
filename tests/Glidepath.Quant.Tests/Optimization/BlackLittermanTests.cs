using Glidepath.Quant.Optimization;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Optimization;

// Reference: He and Litterman's formulas written out in numpy (make_optimization.py) on the
// LPP2005 covariance with illustrative market weights, an absolute and a relative view.
public class BlackLittermanTests
{
    [Fact]
    public void Posterior_AbsoluteAndRelativeViews_MatchesNumpy()
    {
        var e = Fixture.Json("optimization.json");
        var bl = e.GetProperty("blackLitterman");
        var cov = e.GetProperty("lpp").GetProperty("cov").Matrix();
        var picks = bl.GetProperty("picks").EnumerateArray().Select(p => p.Doubles()).ToArray();
        var q = bl.GetProperty("views").Doubles();

        var implied = BlackLitterman.ImpliedReturns(cov, bl.GetProperty("marketWeights").Doubles(), bl.GetProperty("riskAversion").GetDouble());
        var posterior = BlackLitterman.Posterior(cov, implied, [new View(picks[0], q[0]), new View(picks[1], q[1])], bl.GetProperty("tau").GetDouble());

        Tolerance.Close(bl.GetProperty("implied").Doubles(), implied, rel: 1e-12);
        Tolerance.Close(bl.GetProperty("mean").Doubles(), posterior.Mean, rel: 1e-10);
        Tolerance.Close(bl.GetProperty("covariance").Matrix(), posterior.Covariance, rel: 1e-10);
    }

    [Fact]
    public void Posterior_NoViews_KeepsPriorAndAddsParameterUncertainty()
    {
        var cov = new double[,] { { 0.04, 0.01 }, { 0.01, 0.09 } };

        var posterior = BlackLitterman.Posterior(cov, [0.05, 0.07], [], 0.1);

        Tolerance.Close([0.05, 0.07], posterior.Mean, rel: 1e-15);
        Tolerance.Close(new double[,] { { 0.044, 0.011 }, { 0.011, 0.099 } }, posterior.Covariance, rel: 1e-14);
    }

    [Fact]
    public void Posterior_NearlyCertainView_IsHonoured()
    {
        var cov = new double[,] { { 0.04, 0.01 }, { 0.01, 0.09 } };

        var posterior = BlackLitterman.Posterior(cov, [0.05, 0.07], [new View([1.0, -1.0], 0.03, Variance: 1e-14)], 0.1);

        Tolerance.Close(0.03, posterior.Mean[0] - posterior.Mean[1], rel: 1e-9);
    }
}
