namespace Glidepath.Quant.Covariance;

/// <summary>Unbiased sample covariance and correlation of returns (rows = periods, columns = assets).</summary>
public static class SampleCovariance
{
    /// <summary>S_ij = Σ_t (x_ti - x̄_i)(x_tj - x̄_j) / (T - 1).</summary>
    public static double[,] Compute(double[,] returns)
    {
        var data = DataColumns.From(returns, demean: true);
        return data.Gram(data.Observations - 1);
    }

    /// <summary>C_ij = S_ij / sqrt(S_ii S_jj).</summary>
    public static double[,] ToCorrelation(double[,] covariance)
    {
        var n = covariance.GetLength(0);
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = i == j ? 1.0 : covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
            }
        }

        return c;
    }
}
