namespace Glidepath.Quant.Covariance;

/// <summary>Exponentially weighted covariance, RiskMetrics convention (J.P. Morgan 1996).</summary>
/// <remarks>
/// λ is the decay per period (RiskMetrics: 0.94 for daily data). The newest observation has
/// weight proportional to 1, the one k periods older λ^k; the weights are normalised to sum to
/// one over the T observations, <c>w_k = (1 - λ) λ^k / (1 - λ^T)</c>, and returns are not
/// demeaned (zero mean assumed): <c>Σ = Σ_k w_k r_{T-1-k} r_{T-1-k}'</c>.
/// </remarks>
public static class EwmaCovariance
{
    public static double[,] Compute(double[,] returns, double lambda = 0.94)
    {
        if (!(lambda > 0.0 && lambda < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must lie strictly between 0 and 1.");
        }

        var data = DataColumns.From(returns, demean: false);
        var t = data.Observations;
        var norm = (1.0 - lambda) / (1.0 - Math.Pow(lambda, t));
        var scale = new double[t];
        for (var k = 0; k < t; k++)
        {
            scale[t - 1 - k] = Math.Sqrt(norm * Math.Pow(lambda, k));
        }

        foreach (var c in data.Columns)
        {
            for (var i = 0; i < t; i++)
            {
                c[i] *= scale[i];
            }
        }

        return data.Gram(1.0);
    }
}
