namespace Glidepath.Quant.Optimization;

/// <summary>Cholesky factor of a symmetric positive definite matrix.</summary>
internal static class Cholesky
{
    /// <summary>Lower-triangular L with LLᵀ = a, or null when a is not positive definite.</summary>
    public static double[,]? Factor(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                var sum = a[i, k];
                for (var m = 0; m < k; m++)
                {
                    sum -= l[i, m] * l[k, m];
                }

                if (i == k)
                {
                    if (!(sum > 0.0))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, k] = sum / l[k, k];
                }
            }
        }

        return l;
    }
}
