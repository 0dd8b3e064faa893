namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>Oracles written independently of the engine.</summary>
internal static class ClosedForms
{
    /// <summary>
    /// Standard normal CDF via erfc with the Chebyshev fit of Numerical Recipes (Press et al.,
    /// 2nd ed., section 6.2, erfcc), fractional error below 1.2e-7.
    /// </summary>
    public static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var k = c.Length - 1; k >= 0; k--)
        {
            poly = c[k] + (t * poly);
        }

        var erfc = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? 1 - (erfc / 2) : erfc / 2;
    }

    /// <summary>Standard error of an empirical proportion.</summary>
    public static double ProportionSe(double p, int n) => Math.Sqrt(p * (1 - p) / n);
}
