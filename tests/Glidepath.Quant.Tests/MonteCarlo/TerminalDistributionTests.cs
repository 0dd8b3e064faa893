using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>
/// One asset, no cash flows: ln W_T ~ N(ln W_0 + T mu, T sigma^2) exactly, so every statistic has
/// a closed form. Quantiles are compared in probability space: F(q_hat_p) - p has standard error
/// sqrt(p(1-p)/n) whatever the distribution.
/// </summary>
public class TerminalDistributionTests
{
    private const int Paths = 20_000;
    private const int Months = 120;
    private const double W0 = 100_000;

    // One run shared by the exceedance and percentile tests keeps the suite fast.
    private static readonly Lazy<(SimulationResult Result, double LogMean, double LogSd)> Plain = new(() => Run(antithetic: false));

    private static (SimulationResult Result, double LogMean, double LogSd) Run(bool antithetic)
    {
        var p = MonthlyLogNormal.FromAnnual(0.07, 0.18);
        var input = new SimulationInput
        {
            StartBalance = W0,
            HorizonMonths = Months,
            Returns = Scenarios.OneAsset(0.07, 0.18),
            Allocation = new Allocation([1.0]),
            Paths = Paths,
            Seed = 20261123,
            Antithetic = antithetic,
        };
        return (MonteCarloSimulator.Run(input), Math.Log(W0) + (Months * p.Mu), Math.Sqrt(Months) * p.Sigma);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(4.0)]
    public void Run_OneAssetNoFlows_ExceedanceProbabilityMatchesLogNormalWithin3Se(double multipleOfStart)
    {
        var (result, logMean, logSd) = Plain.Value;
        var k = multipleOfStart * W0;

        var expected = 1 - ClosedForms.NormalCdf((Math.Log(k) - logMean) / logSd);
        var observed = result.TerminalBalances.ToArray().Count(w => w > k) / (double)Paths;

        Assert.InRange(observed - expected, -3 * ClosedForms.ProportionSe(expected, Paths), 3 * ClosedForms.ProportionSe(expected, Paths));
    }

    [Fact]
    public void Run_OneAssetNoFlows_TerminalPercentilesMatchLogNormalWithin3Se()
    {
        var (result, logMean, logSd) = Plain.Value;
        var t = result.TerminalNominal;
        double[] estimates = [t.P5, t.P10, t.P25, t.P50, t.P75, t.P90, t.P95];

        for (var i = 0; i < estimates.Length; i++)
        {
            var p = Percentiles.Levels[i];
            var f = ClosedForms.NormalCdf((Math.Log(estimates[i]) - logMean) / logSd);
            Assert.InRange(f - p, -3 * ClosedForms.ProportionSe(p, Paths), 3 * ClosedForms.ProportionSe(p, Paths));
        }
    }

    [Fact]
    public void Run_OneAssetNoFlows_RealPercentilesAreNominalDeflated()
    {
        var input = new SimulationInput
        {
            StartBalance = W0,
            HorizonMonths = 30,
            Inflation = 0.03,
            Returns = Scenarios.OneAsset(0.05, 0.1),
            Allocation = new Allocation([1.0]),
            Paths = 1000,
        };

        var result = MonteCarloSimulator.Run(input);

        Assert.Equal([12, 24, 30], result.Years.Select(y => y.Month));
        Assert.Equal(result.Years[2].Nominal.P50 / Math.Pow(1.03, 2.5), result.Years[2].Real.P50, 6);
        Assert.Equal(1.0, result.SuccessProbability);
    }

    [Fact]
    public void Run_Antithetic_PairedPathsHaveMirroredLogWealth()
    {
        var (result, logMean, _) = Run(antithetic: true);
        var half = MonteCarloSimulator.BlockSize / 2;

        for (var i = 0; i < 50; i++)
        {
            var sum = Math.Log(result.TerminalBalances.Span[i]) + Math.Log(result.TerminalBalances.Span[i + half]);
            Assert.Equal(2 * logMean, sum, 3);
        }
    }
}
