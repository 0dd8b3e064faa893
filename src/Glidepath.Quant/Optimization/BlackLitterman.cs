namespace Glidepath.Quant.Optimization;

/// <summary>
/// Expected returns: CAPM equilibrium returns by reverse optimisation and the Black-Litterman
/// posterior, in the formulation of He and Litterman (1999), "The intuition behind
/// Black-Litterman model portfolios" (Goldman Sachs).
/// </summary>
public static class BlackLitterman
{
    /// <summary>Implied excess returns π = δ Σ w_mkt (reverse optimisation of the market portfolio).</summary>
    public static double[] ImpliedReturns(double[,] covariance, IReadOnlyList<double> marketWeights, double riskAversion)
    {
        var n = marketWeights.Count;
        var pi = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                pi[i] += riskAversion * covariance[i, j] * marketWeights[j];
            }
        }

        return pi;
    }

    /// <summary>
    /// Posterior mean μ = π + τΣPᵀ(PτΣPᵀ + Ω)⁻¹(q - Pπ) and covariance of returns
    /// Σ + τΣ - τΣPᵀ(PτΣPᵀ + Ω)⁻¹PτΣ. A view's uncertainty Ω_kk defaults to p_kᵀ(τΣ)p_k, He and
    /// Litterman's choice; views are independent (Ω diagonal).
    /// </summary>
    public static BlackLittermanResult Posterior(double[,] covariance, IReadOnlyList<double> prior, IReadOnlyList<View> views, double tau)
    {
        ArgumentNullException.ThrowIfNull(views);
        var n = prior.Count;
        var k = views.Count;
        var tauSigma = Scale(covariance, tau);

        // A = τΣPᵀ (n × k), M = PτΣPᵀ + Ω (k × k).
        var a = new double[n, k];
        for (var v = 0; v < k; v++)
        {
            if (views[v].Picks.Count != n)
            {
                throw new ArgumentException($"View {v} must pick with one coefficient per asset.", nameof(views));
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i, v] += tauSigma[i, j] * views[v].Picks[j];
                }
            }
        }

        var m = new double[k, k];
        var surprise = new double[k];
        for (var v = 0; v < k; v++)
        {
            for (var w = 0; w < k; w++)
            {
                for (var i = 0; i < n; i++)
                {
                    m[v, w] += views[v].Picks[i] * a[i, w];
                }
            }

            m[v, v] += views[v].Variance ?? m[v, v];
            surprise[v] = views[v].Return - Enumerable.Range(0, n).Sum(i => views[v].Picks[i] * prior[i]);
        }

        var l = Cholesky.Factor(m) ?? throw new ArgumentException("The views are linearly dependent.", nameof(views));
        var mean = prior.ToArray();
        var weights = Cholesky.Solve(l, surprise);
        var posterior = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var v = 0; v < k; v++)
            {
                mean[i] += a[i, v] * weights[v];
            }
        }

        // Σ + τΣ - A M⁻¹ Aᵀ, one column of M⁻¹Aᵀ at a time.
        for (var j = 0; j < n; j++)
        {
            var column = new double[k];
            for (var v = 0; v < k; v++)
            {
                column[v] = a[j, v];
            }

            var solved = Cholesky.Solve(l, column);
            for (var i = 0; i < n; i++)
            {
                var correction = 0.0;
                for (var v = 0; v < k; v++)
                {
                    correction += a[i, v] * solved[v];
                }

                posterior[i, j] = covariance[i, j] + tauSigma[i, j] - correction;
            }
        }

        return new BlackLittermanResult(mean, posterior);
    }

    private static double[,] Scale(double[,] a, double factor)
    {
        var n = a.GetLength(0);
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                s[i, j] = factor * a[i, j];
            }
        }

        return s;
    }
}

/// <summary>
/// A view: the return of the portfolio <paramref name="Picks"/> (one coefficient per asset; a unit
/// vector for an absolute view, +1/−1 for "A outperforms B") is <paramref name="Return"/>, with
/// variance <paramref name="Variance"/> (null: pᵀ(τΣ)p).
/// </summary>
public sealed record View(IReadOnlyList<double> Picks, double Return, double? Variance = null);

/// <summary>Black-Litterman posterior mean and covariance of returns.</summary>
public sealed record BlackLittermanResult(double[] Mean, double[,] Covariance);
