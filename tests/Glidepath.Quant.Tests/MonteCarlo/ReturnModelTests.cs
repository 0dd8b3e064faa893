using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class ReturnModelTests
{
    private const int Count = 1024;
    private const int Months = 60;

    /// <summary>Monthly log returns of every asset, [asset][sample].</summary>
    private static double[][] Draw(IReturnModel model, ulong seed)
    {
        var random = new PathRandom(seed, Count);
        var scratch = new float[model.ScratchLength(Count)];
        var gross = new float[model.AssetCount * Count];
        var state = new int[Count];
        var samples = Enumerable.Range(0, model.AssetCount).Select(_ => new double[Count * Months]).ToArray();
        for (var m = 0; m < Months; m++)
        {
            model.Generate(new ReturnBlock(m, 0, Count, random, state, scratch, false), gross);
            for (var a = 0; a < model.AssetCount; a++)
            {
                for (var i = 0; i < Count; i++)
                {
                    samples[a][(m * Count) + i] = Math.Log(gross[(a * Count) + i]);
                }
            }
        }

        return samples;
    }

    private static double Mean(double[] x) => x.Average();

    private static double Cov(double[] x, double[] y)
    {
        var (mx, my) = (Mean(x), Mean(y));
        return x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / (x.Length - 1);
    }

    [Fact]
    public void NormalReturns_BenchmarkAssets_SampleMeanAndCovarianceMatchInputs()
    {
        var assets = Scenarios.BenchmarkAssets();
        var c = Scenarios.BenchmarkCorrelations;
        var x = Draw(new NormalReturns(assets, c), 7);
        var n = x[0].Length;

        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(Mean(x[i]) - assets[i].Mu, -3.5 * assets[i].Sigma / Math.Sqrt(n), 3.5 * assets[i].Sigma / Math.Sqrt(n));
            for (var j = 0; j <= i; j++)
            {
                var sij = c[i, j] * assets[i].Sigma * assets[j].Sigma;
                // Var of a sample covariance of a bivariate normal: (s_ij^2 + s_ii s_jj)/n.
                var se = Math.Sqrt(((sij * sij) + (assets[i].Sigma * assets[i].Sigma * assets[j].Sigma * assets[j].Sigma)) / n);
                Assert.InRange(Cov(x[i], x[j]) - sij, -3.5 * se, 3.5 * se);
            }
        }
    }

    [Fact]
    public void StudentTReturns_EightDegrees_VarianceMatchesAndTailsAreFatter()
    {
        const int v = 8;
        var asset = MonthlyLogNormal.FromAnnual(0.07, 0.18);
        var x = Draw(new StudentTReturns([asset], new double[,] { { 1 } }, v), 11)[0];
        var n = x.Length;
        var s2 = asset.Sigma * asset.Sigma;

        // Kurtosis of t_v is 3 + 6/(v-4); Var(sample variance) = s^4 (kurtosis - 1)/n.
        var kurtosis = 3 + (6.0 / (v - 4));
        var se = s2 * Math.Sqrt((kurtosis - 1) / n);
        Assert.InRange(Cov(x, x) - s2, -3.5 * se, 3.5 * se);
        Assert.InRange(Mean(x) - asset.Mu, -3.5 * asset.Sigma / Math.Sqrt(n), 3.5 * asset.Sigma / Math.Sqrt(n));

        // P(|X| > 3 sd): normal 0.0027; t_8 scaled to unit variance about 0.0085 (> 0.005 by many SEs).
        var beyond = x.Count(r => Math.Abs(r - asset.Mu) > 3 * asset.Sigma) / (double)n;
        Assert.True(beyond > 0.005, $"tail share {beyond}");
    }

    [Fact]
    public void BlockBootstrap_ConstantBlocks_ReplaysContiguousMonths()
    {
        var series = new HistoricalSeries([Enumerable.Range(0, 100).Select(t => t / 1000.0).ToArray()]);
        var model = new BlockBootstrapReturns(series, 12);
        var x = Draw(model, 3)[0];

        for (var i = 0; i < 20; i++)
        {
            // Within a 12-month block, month m+1 follows month m in the series (mod 100).
            var first = (int)Math.Round((Math.Exp(x[i]) - 1) * 1000);
            var next = (int)Math.Round((Math.Exp(x[Count + i]) - 1) * 1000);
            Assert.Equal((first + 1) % 100, next);
        }
    }
}
