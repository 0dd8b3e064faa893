namespace Glidepath.Quant.MonteCarlo;

/// <summary>Cholesky factor of a correlation matrix.</summary>
public static class Cholesky
{
    /// <summary>
    /// Lower-triangular L with L L^T = <paramref name="correlation"/>. Throws an
    /// <see cref="InvalidInputException"/> whose Field is <paramref name="field"/> when the matrix is
    /// not square, not symmetric, has a diagonal other than 1, an entry outside [-1, 1], or is not
    /// positive definite.
    /// </summary>
    public static double[,] Decompose(double[,] correlation, string field = "correlations")
    {
        ArgumentNullException.ThrowIfNull(correlation);
        var n = correlation.GetLength(0);
        if (n == 0 || correlation.GetLength(1) != n)
        {
            throw new InvalidInputException(field, $"{field} must be a non-empty square matrix");
        }

        for (var i = 0; i < n; i++)
        {
            if (Math.Abs(correlation[i, i] - 1) > 1e-12)
            {
                throw new InvalidInputException(field, $"{field}[{i}][{i}] must be 1");
            }

            for (var j = 0; j < i; j++)
            {
                var c = correlation[i, j];
                if (!(Math.Abs(c) <= 1) || Math.Abs(c - correlation[j, i]) > 1e-12)
                {
                    throw new InvalidInputException(field, $"{field}[{i}][{j}] must be in [-1, 1] and equal {field}[{j}][{i}]");
                }
            }
        }

        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = correlation[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (!(d > 1e-12))
            {
                throw new InvalidInputException(field, $"{field} is not positive definite (pivot {j} is {d.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)})");
            }

            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < n; i++)
            {
                var s = correlation[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / l[j, j];
            }
        }

        return l;
    }
}
