namespace Glidepath.Quant.MonteCarlo;

/// <summary>Monthly log-return parameters of one asset.</summary>
/// <param name="Mu">Mean of the monthly log return.</param>
/// <param name="Sigma">Standard deviation of the monthly log return.</param>
public readonly record struct MonthlyLogNormal(double Mu, double Sigma)
{
    /// <summary>
    /// Moment matching of an annual simple return with arithmetic mean m and volatility s to a
    /// log-normal: sigma_a^2 = ln(1 + s^2/(1+m)^2), mu_a = ln(1+m) - sigma_a^2/2; then
    /// mu = mu_a/12 and sigma = sigma_a/sqrt(12). See docs/monte-carlo.md.
    /// </summary>
    public static MonthlyLogNormal FromAnnual(double expectedReturn, double volatility)
    {
        if (!(expectedReturn > -1) || !double.IsFinite(expectedReturn))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedReturn), expectedReturn, "must be a finite number above -1");
        }

        if (!(volatility >= 0) || !double.IsFinite(volatility))
        {
            throw new ArgumentOutOfRangeException(nameof(volatility), volatility, "must be a finite number >= 0");
        }

        var onePlusM = 1 + expectedReturn;
        var annualVariance = Math.Log(1 + (volatility * volatility / (onePlusM * onePlusM)));
        var annualMu = Math.Log(onePlusM) - (annualVariance / 2);
        return new MonthlyLogNormal(annualMu / 12, Math.Sqrt(annualVariance / 12));
    }
}
