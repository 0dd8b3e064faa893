namespace Glidepath.Quant.Optimization;

/// <summary>
/// Equal (or budgeted) risk contribution portfolio: w_i (Σw)_i / wᵀΣw = b_i, long-only and fully
/// invested. Solved as Spinu (2013), "An algorithm for computing risk parity weights" (SSRN
/// 2297383): x minimises the strictly convex ½xᵀΣx - Σ b_i ln x_i, whose stationarity condition
/// x_i (Σx)_i = b_i is the risk-budget condition, and w = x / Σx. Damped Newton keeps x &gt; 0.
/// Budgets are relative (contributions come out as b_i / Σb); the default is equal. Bounds and
/// groups are not applied.
/// </summary>
public static class RiskParity
{
    public static PortfolioResult Solve(double[,] covariance, double[]? riskBudgets = null, double[]? expectedReturns = null)
    {
        var n = covariance.GetLength(0);
        var b = riskBudgets ?? Enumerable.Repeat(1.0 / n, n).ToArray();
        if (b.Length != n || b.Any(v => !(v > 0.0)))
        {
            throw new ArgumentException("Risk budgets must be positive, one per asset.", nameof(riskBudgets));
        }

        var budgetMax = b.Max();

        // Unit-scale Σ: the weights do not depend on it.
        var scale = PortfolioProgram.MeanVariance(covariance);
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                s[i, j] = covariance[i, j] / scale;
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Sqrt(b[i] / s[i, i]);
        }

        for (var iteration = 0; iteration < 200; iteration++)
        {
            var sx = Multiply(s, x);
            var gradient = new double[n];
            var hessian = (double[,])s.Clone();
            var gradientNorm = 0.0;
            for (var i = 0; i < n; i++)
            {
                gradient[i] = sx[i] - b[i] / x[i];
                hessian[i, i] += b[i] / (x[i] * x[i]);
                gradientNorm = Math.Max(gradientNorm, Math.Abs(gradient[i] * x[i]));
            }

            if (gradientNorm <= 1e-14 * budgetMax)
            {
                return PortfolioOptimizer.Describe(Normalise(x), covariance, expectedReturns, 0.0);
            }

            var step = Cholesky.Solve(
                Cholesky.Factor(hessian) ?? throw new InvalidOperationException("Newton matrix lost positive definiteness."), gradient);
            var alpha = 1.0;
            while (Enumerable.Range(0, n).Any(i => x[i] - alpha * step[i] <= 0.0))
            {
                alpha *= 0.5;
            }

            var f0 = Objective(s, x, b);
            var trial = new double[n];
            for (var halvings = 0; halvings < 60; halvings++, alpha *= 0.5)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = x[i] - alpha * step[i];
                }

                // Near the optimum the objective is flat to rounding; allow that much.
                if (Objective(s, trial, b) <= f0 + 1e-14 * Math.Abs(f0) || alpha < 1e-12)
                {
                    break;
                }
            }

            Array.Copy(trial, x, n);
        }

        return PortfolioResult.Failed(PortfolioStatus.NotConverged, "Risk parity Newton iteration did not converge.");
    }

    /// <summary>Each asset's share of portfolio variance, w_i (Σw)_i / wᵀΣw.</summary>
    public static double[] RiskContributions(double[,] covariance, double[] weights)
    {
        var sw = Multiply(covariance, weights);
        var total = weights.Select((w, i) => w * sw[i]).Sum();
        return [.. weights.Select((w, i) => w * sw[i] / total)];
    }

    private static double Objective(double[,] s, double[] x, double[] b)
    {
        var sx = Multiply(s, x);
        var f = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            f += 0.5 * x[i] * sx[i] - b[i] * Math.Log(x[i]);
        }

        return f;
    }

    private static double[] Normalise(double[] x)
    {
        var sum = x.Sum();
        return [.. x.Select(v => v / sum)];
    }

    private static double[] Multiply(double[,] a, double[] x)
    {
        var n = x.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                y[i] += a[i, j] * x[j];
            }
        }

        return y;
    }
}
