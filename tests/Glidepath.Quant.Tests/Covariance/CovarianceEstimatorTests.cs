using System.Text.Json;
using Glidepath.Quant.Covariance;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Covariance;

// Reference values: Fixtures/make_covariance.py (numpy, in the papers' matrix form; scikit-learn for
// the scaled-identity intensity) on the six LPP2005 asset classes and on 486 S&P 500 stocks × 102 days.
public class CovarianceEstimatorTests
{
    private static readonly string[] LppAssets = ["SBI", "SPI", "SII", "LMI", "MPI", "ALT"];

    private static JsonElement Expected(string name) => Fixture.Json("covariance.json").GetProperty(name);

    private static double[,] LppReturns() => Fixture.Csv("lpp2005_daily_logreturns.csv").Matrix(LppAssets);

    // 486 stocks without gaps, simple daily returns: more assets than observations.
    internal static double[,] Sp500Returns()
    {
        var table = Fixture.Csv("sp500_constituents_daily_prices_2001h2.csv");
        var complete = table.Names.Where(n => !table.Columns[n].Any(double.IsNaN)).ToArray();
        var prices = table.Matrix(complete);
        int t = prices.GetLength(0) - 1, n = complete.Length;
        var r = new double[t, n];
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < n; j++)
            {
                r[i, j] = prices[i + 1, j] / prices[i, j] - 1.0;
            }
        }

        return r;
    }

    [Fact]
    public void SampleCovariance_Lpp2005_MatchesNumpyCov()
    {
        Tolerance.Close(Expected("lpp").GetProperty("sample").Matrix(), SampleCovariance.Compute(LppReturns()), rel: 1e-12);
    }

    [Fact]
    public void EwmaCovariance_Lambda094_MatchesNumpy()
    {
        Tolerance.Close(Expected("lpp").GetProperty("ewma94").Matrix(), EwmaCovariance.Compute(LppReturns(), 0.94), rel: 1e-12);
    }

    [Fact]
    public void LedoitWolfConstantCorrelation_Lpp2005_MatchesPaperFormulas()
    {
        var e = Expected("lpp");

        var result = LedoitWolf.ConstantCorrelation(LppReturns());

        Tolerance.Close(e.GetProperty("lwConstantCorrelationIntensity").GetDouble(), result.Intensity, rel: 1e-10);
        Tolerance.Close(e.GetProperty("lwConstantCorrelation").Matrix(), result.Covariance, rel: 1e-12);
    }

    [Fact]
    public void LedoitWolfScaledIdentity_Lpp2005_MatchesPaperFormulas()
    {
        var e = Expected("lpp");

        var result = LedoitWolf.ScaledIdentity(LppReturns());

        Tolerance.Close(e.GetProperty("lwIdentityIntensity").GetDouble(), result.Intensity, rel: 1e-10);
        Tolerance.Close(e.GetProperty("lwIdentity").Matrix(), result.Covariance, rel: 1e-12);
    }

    [Fact]
    public void LedoitWolf_Sp500MoreAssetsThanDays_MatchesPaperFormulasAndSklearn()
    {
        var e = Expected("sp500");
        var returns = Sp500Returns();
        Assert.Equal(e.GetProperty("assets").GetInt32(), returns.GetLength(1));

        var cc = LedoitWolf.ConstantCorrelation(returns);
        var id = LedoitWolf.ScaledIdentity(returns);

        Tolerance.Close(e.GetProperty("lwConstantCorrelationIntensity").GetDouble(), cc.Intensity, rel: 1e-10);
        Tolerance.Close(e.GetProperty("lwIdentityIntensity").GetDouble(), id.Intensity, rel: 1e-10);
        Tolerance.Close(e.GetProperty("sklearnIdentityIntensity").GetDouble(), id.Intensity, rel: 1e-10);
        AssertSummary(e.GetProperty("lwConstantCorrelation"), cc.Covariance);
        AssertSummary(e.GetProperty("lwIdentity"), id.Covariance);
    }

    private static void AssertSummary(JsonElement e, double[,] cov)
    {
        double trace = 0, frobenius = 0;
        var corner = new double[5, 5];
        for (var i = 0; i < cov.GetLength(0); i++)
        {
            trace += cov[i, i];
            for (var j = 0; j < cov.GetLength(1); j++)
            {
                frobenius += cov[i, j] * cov[i, j];
                if (i < 5 && j < 5)
                {
                    corner[i, j] = cov[i, j];
                }
            }
        }

        Tolerance.Close(e.GetProperty("trace").GetDouble(), trace, rel: 1e-11);
        Tolerance.Close(e.GetProperty("frobenius").GetDouble(), Math.Sqrt(frobenius), rel: 1e-11);
        Tolerance.Close(e.GetProperty("corner").Matrix(), corner, rel: 1e-10);
    }
}
