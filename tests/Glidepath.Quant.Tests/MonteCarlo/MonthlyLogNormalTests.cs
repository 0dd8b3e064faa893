using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class MonthlyLogNormalTests
{
    [Theory]
    [InlineData(0.065, 0.16)]
    [InlineData(0.025, 0.06)]
    [InlineData(-0.02, 0.30)]
    public void FromAnnual_TwelveMonthsCompounded_ReproducesAnnualMeanAndVolatility(double m, double s)
    {
        var p = MonthlyLogNormal.FromAnnual(m, s);

        // Twelve i.i.d. monthly log returns sum to N(12 mu, 12 sigma^2); log-normal moments:
        var mu = 12 * p.Mu;
        var variance = 12 * p.Sigma * p.Sigma;
        var mean = Math.Exp(mu + (variance / 2));
        var sd = Math.Sqrt((Math.Exp(variance) - 1) * Math.Exp((2 * mu) + variance));

        Assert.Equal(1 + m, mean, 12);
        Assert.Equal(s, sd, 12);
    }

    [Fact]
    public void FromAnnual_NegativeVolatility_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthlyLogNormal.FromAnnual(0.05, -0.1));
    }
}
