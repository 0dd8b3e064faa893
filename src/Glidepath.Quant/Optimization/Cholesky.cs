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

    /// <summary>Solves LLᵀx = rhs given the factor L.</summary>
    public static double[] Solve(double[,] l, double[] rhs)
    {
        var n = rhs.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = rhs[i];
            for (var m = 0; m < i; m++)
            {
                sum -= l[i, m] * y[m];
            }

            y[i] = sum / l[i, i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var m = i + 1; m < n; m++)
            {
                sum -= l[m, i] * y[m];
            }

            y[i] = sum / l[i, i];
        }

        return y;
    }
}
