namespace Glidepath.Quant.Covariance;

/// <summary>
/// Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Golub and
/// Van Loan, Matrix Computations, §8.5): slow for large n but accurate to working precision
/// in eigenvalues and orthogonal eigenvectors.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues and the matrix whose columns are the matching unit eigenvectors.</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] symmetric)
    {
        var n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1.0;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, all = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    all += a[i, j] * a[i, j];
                    off += i == j ? 0.0 : a[i, j] * a[i, j];
                }
            }

            if (off <= 1e-32 * all)
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] != 0.0)
                    {
                        Rotate(a, v, p, q);
                    }
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        return (values, v);
    }

    // A ← PᵀAP, V ← VP with the plane rotation that zeroes a_pq (Numerical Recipes' choice of t).
    private static void Rotate(double[,] a, double[,] v, int p, int q)
    {
        var n = a.GetLength(0);
        var theta = (a[q, q] - a[p, p]) / (2.0 * a[p, q]);
        var t = (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1.0));
        var c = 1.0 / Math.Sqrt(t * t + 1.0);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }

        for (var k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }

        for (var k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
