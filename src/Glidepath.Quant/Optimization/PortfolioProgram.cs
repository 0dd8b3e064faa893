namespace Glidepath.Quant.Optimization;

/// <summary>
/// Builds the QP for a portfolio problem. Variables are the weights w (or, in the homogeneous
/// form used for the maximum Sharpe ratio, y = w/κ with κ = Σy, so every bound l ≤ w ≤ u becomes
/// l·Σy ≤ y ≤ u·Σy), followed when a turnover limit is set by buys p ≥ 0 and sells m ≥ 0 with
/// w - p + m = w₀ and Σ(p + m) ≤ limit.
/// </summary>
internal sealed class PortfolioProgram
{
    // Buys and sells carry this tiny curvature (relative to the scaled Σ, whose mean variance is 1)
    // because the dual method needs a positive definite Hessian; it adds at most 1e-12·limit²/2 to
    // the objective (the turnover test agrees with cvxopt's exact formulation within 1e-6).
    private const double AuxiliaryCurvature = 1e-12;

    private PortfolioProgram(QuadraticProgram program, int assets)
    {
        Program = program;
        Assets = assets;
    }

    public QuadraticProgram Program { get; }

    public int Assets { get; }

    /// <summary>Σ is divided by its mean variance so the solver works near unit scale; <paramref name="linear"/> must be scaled alike.</summary>
    public static PortfolioProgram Create(double[,] covariance, double[] linear, PortfolioConstraints constraints, bool homogeneous)
    {
        var n = covariance.GetLength(0);
        var hasTurnover = constraints.Turnover is not null;
        var size = hasTurnover ? 3 * n : n;
        var scale = MeanVariance(covariance);
        var g = new double[size, size];
        var c = new double[size];
        for (var i = 0; i < n; i++)
        {
            c[i] = linear[i];
            for (var j = 0; j < n; j++)
            {
                g[i, j] = covariance[i, j] / scale;
            }
        }

        for (var i = n; i < size; i++)
        {
            g[i, i] = AuxiliaryCurvature;
        }

        // Uniform coefficients act on the n weights (Σw), not on the buys and sells.
        var qp = new QuadraticProgram(g, c, uniformVariables: n);
        if (!homogeneous)
        {
            qp.AddEquality("fully invested (Σw = 1)", [], [], 1.0, uniform: 1.0);
        }
        else
        {
            qp.AddGreaterOrEqual("positive scale (Σy ≥ 0)", [], [], 0.0, uniform: 1.0);
        }

        var longOnly = Enumerable.Range(0, n).All(i => constraints.Min(i) >= 0.0);
        for (var i = 0; i < n; i++)
        {
            double lo = constraints.Min(i), hi = constraints.Max(i);
            if (double.IsFinite(lo))
            {
                AddBound(qp, $"min weight {constraints.Name(i)} ≥ {lo:R}", [i], lo, homogeneous, lower: true);
            }

            // With every weight ≥ 0 and Σw = 1, an upper bound of 1 or more cannot bind.
            if (double.IsFinite(hi) && !(longOnly && hi >= 1.0))
            {
                AddBound(qp, $"max weight {constraints.Name(i)} ≤ {hi:R}", [i], hi, homogeneous, lower: false);
            }
        }

        foreach (var group in constraints.Groups)
        {
            var members = group.Members.ToArray();
            if (double.IsFinite(group.Min) && group.Min > (longOnly ? 0.0 : double.NegativeInfinity))
            {
                AddBound(qp, $"group {group.Name} ≥ {group.Min:R}", members, group.Min, homogeneous, lower: true);
            }

            if (double.IsFinite(group.Max) && !(longOnly && group.Max >= 1.0))
            {
                AddBound(qp, $"group {group.Name} ≤ {group.Max:R}", members, group.Max, homogeneous, lower: false);
            }
        }

        if (constraints.Turnover is { } turnover)
        {
            AddTurnover(qp, n, turnover, homogeneous);
        }

        return new PortfolioProgram(qp, n);
    }

    public static double MeanVariance(double[,] covariance)
    {
        var n = covariance.GetLength(0);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += covariance[i, i];
        }

        return sum / n;
    }

    /// <summary>The weights from a solution (normalised by Σy in the homogeneous form).</summary>
    public double[] Weights(double[] solution, bool homogeneous)
    {
        var w = solution[..Assets];
        if (homogeneous)
        {
            var kappa = w.Sum();
            for (var i = 0; i < w.Length; i++)
            {
                w[i] /= kappa;
            }
        }

        return w;
    }

    // Σ_{members} w ≥ bound (lower) or ≤ bound; homogeneous: Σ_{members} y - bound·Σy ≥ 0 (or ≤ 0).
    private static void AddBound(QuadraticProgram qp, string name, int[] members, double bound, bool homogeneous, bool lower)
    {
        var (rhs, uniform) = homogeneous ? (0.0, -bound) : (bound, 0.0);
        if (lower)
        {
            qp.AddGreaterOrEqual(name, members, Ones(members.Length), rhs, uniform);
        }
        else
        {
            qp.AddLessOrEqual(name, members, Ones(members.Length), rhs, uniform);
        }
    }

    private static void AddTurnover(QuadraticProgram qp, int n, TurnoverLimit turnover, bool homogeneous)
    {
        if (turnover.CurrentWeights.Count != n)
        {
            throw new ArgumentException("Current weights must have one entry per asset.", nameof(turnover));
        }

        for (var i = 0; i < n; i++)
        {
            // w_i - p_i + m_i = w0_i; homogeneous: y_i - p_i + m_i - w0_i·Σy = 0.
            var w0 = turnover.CurrentWeights[i];
            var (rhs, uniform) = homogeneous ? (0.0, -w0) : (w0, 0.0);
            qp.AddEquality($"trade definition {i}", [i, n + i, 2 * n + i], [1.0, -1.0, 1.0], rhs, uniform);

            qp.AddGreaterOrEqual($"buy {i} ≥ 0", [n + i], [1.0], 0.0);
            qp.AddGreaterOrEqual($"sell {i} ≥ 0", [2 * n + i], [1.0], 0.0);
        }

        var trades = Enumerable.Range(n, 2 * n).ToArray();
        var name = $"turnover Σ|w - w₀| ≤ {turnover.Limit:R}";
        var (limitRhs, limitUniform) = homogeneous ? (0.0, -turnover.Limit) : (turnover.Limit, 0.0);
        qp.AddLessOrEqual(name, trades, Ones(2 * n), limitRhs, limitUniform);
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
