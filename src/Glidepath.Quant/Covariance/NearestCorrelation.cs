namespace Glidepath.Quant.Covariance;

/// <summary>
/// Nearest correlation matrix in the Frobenius norm (weights W = I) by alternating projections
/// with Dykstra's correction, Higham (2002), "Computing the nearest correlation matrix — a problem
/// from finance", IMA J. Numer. Anal. 22, Algorithm 3.3: project onto the positive semidefinite
/// cone (negative eigenvalues set to zero) and onto the unit-diagonal matrices in turn.
/// </summary>
public static class NearestCorrelation
{
    /// <summary>
    /// Repairs a symmetric matrix with unit diagonal (for example a correlation matrix estimated
    /// pairwise or edited by hand). Stops when the relative changes of both iterates and their
    /// relative gap all fall below <paramref name="tolerance"/>; the returned matrix has an exact
    /// unit diagonal and eigenvalues no lower than about -tolerance.
    /// </summary>
    public static NearestCorrelationResult Compute(double[,] matrix, double tolerance = 1e-12, int maxIterations = 10_000)
    {
        var n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException("The matrix must be square.", nameof(matrix));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (!(Math.Abs(matrix[i, j] - matrix[j, i]) <= 1e-12 * (1.0 + Math.Abs(matrix[i, j]))))
                {
                    throw new ArgumentException($"The matrix is not symmetric at ({i}, {j}).", nameof(matrix));
                }
            }
        }

        var y = (double[,])matrix.Clone();
        var correction = new double[n, n];
        var x = new double[n, n];
        for (var k = 1; k <= maxIterations; k++)
        {
            var r = Combine(y, correction, -1.0);
            var xNew = ProjectPsd(r);
            correction = Combine(xNew, r, -1.0);
            var yNew = (double[,])xNew.Clone();
            for (var i = 0; i < n; i++)
            {
                yNew[i, i] = 1.0;
            }

            var done = RelativeChange(xNew, x) <= tolerance
                       && RelativeChange(yNew, y) <= tolerance
                       && RelativeChange(yNew, xNew) <= tolerance;
            x = xNew;
            y = yNew;
            if (done)
            {
                return new NearestCorrelationResult(y, k, true);
            }
        }

        return new NearestCorrelationResult(y, maxIterations, false);
    }

    /// <summary>Smallest eigenvalue of a symmetric matrix (negative when it is not a valid correlation or covariance).</summary>
    public static double MinimumEigenvalue(double[,] symmetric) => SymmetricEigen.Decompose(symmetric).Values.Min();

    private static double[,] ProjectPsd(double[,] a)
    {
        var n = a.GetLength(0);
        var (values, vectors) = SymmetricEigen.Decompose(a);
        var p = new double[n, n];
        for (var m = 0; m < n; m++)
        {
            var lambda = values[m];
            if (lambda <= 0.0)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                var vi = lambda * vectors[i, m];
                for (var j = 0; j < n; j++)
                {
                    p[i, j] += vi * vectors[j, m];
                }
            }
        }

        return p;
    }

    private static double[,] Combine(double[,] a, double[,] b, double scaleB)
    {
        var n = a.GetLength(0);
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = a[i, j] + scaleB * b[i, j];
            }
        }

        return c;
    }

    // ||a - b||_F / ||a||_F
    private static double RelativeChange(double[,] a, double[,] b)
    {
        double diff = 0, norm = 0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                var d = a[i, j] - b[i, j];
                diff += d * d;
                norm += a[i, j] * a[i, j];
            }
        }

        return Math.Sqrt(diff / norm);
    }
}

/// <summary>Repaired correlation matrix, iterations used, and whether the tolerance was met.</summary>
public sealed record NearestCorrelationResult(double[,] Matrix, int Iterations, bool Converged);
