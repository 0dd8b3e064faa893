using System.Globalization;

namespace Glidepath.Quant.Optimization;

/// <summary>
/// Mean-variance portfolio construction on a covariance matrix Σ and expected returns μ, under
/// <see cref="PortfolioConstraints"/>, solved with <see cref="DualActiveSetSolver"/>. Results are in
/// the units of μ and Σ (annualise them first for annual figures).
/// </summary>
public static class PortfolioOptimizer
{
    /// <summary>min wᵀΣw.</summary>
    public static PortfolioResult MinimumVariance(double[,] covariance, PortfolioConstraints constraints, double[]? expectedReturns = null)
    {
        var n = Size(covariance);
        var program = PortfolioProgram.Create(covariance, new double[n], constraints, homogeneous: false);
        var qp = SolveOnSupport(program, constraints, SupportPriority.LowestVariance(covariance), null);
        return FromQp(qp, program, covariance, expectedReturns, 0.0, homogeneous: false);
    }

    /// <summary>min wᵀΣw subject to μᵀw = target.</summary>
    public static PortfolioResult TargetReturn(double[,] covariance, double[] expectedReturns, double target, PortfolioConstraints constraints) =>
        TargetReturn(covariance, expectedReturns, target, constraints, warmStart: null);

    // warmStart: a nearby solution (the previous frontier point) whose holdings seed the support.
    private static PortfolioResult TargetReturn(double[,] covariance, double[] expectedReturns, double target, PortfolioConstraints constraints, double[]? warmStart)
    {
        var n = Size(covariance, expectedReturns);
        var program = PortfolioProgram.Create(covariance, new double[n], constraints, homogeneous: false);
        program.Program.AddEquality($"target return (μᵀw = {target.ToString("R", CultureInfo.InvariantCulture)})",
            Enumerable.Range(0, n).ToArray(), expectedReturns, target);
        var qp = SolveOnSupport(program, constraints, SupportPriority.Mixed(covariance, expectedReturns), warmStart);
        if (qp.Status == QpStatus.Infeasible)
        {
            return ExplainInfeasible(covariance, constraints, expectedReturns, qp,
                "No portfolio satisfying the constraints reaches the target return.");
        }

        return FromQp(qp, program, covariance, expectedReturns, 0.0, homogeneous: false);
    }

    /// <summary>
    /// max (μᵀw - r_f) / sqrt(wᵀΣw), by the homogeneous reformulation (Cornuéjols and Tütüncü,
    /// Optimization Methods in Finance, §8.2): min yᵀΣy subject to (μ - r_f)ᵀy = 1 and the
    /// constraints scaled by κ = Σy, then w = y/κ. Needs a feasible portfolio with μᵀw &gt; r_f.
    /// </summary>
    public static PortfolioResult MaximumSharpe(double[,] covariance, double[] expectedReturns, double riskFree, PortfolioConstraints constraints)
    {
        var n = Size(covariance, expectedReturns);
        var program = PortfolioProgram.Create(covariance, new double[n], constraints, homogeneous: true);
        var excess = expectedReturns.Select(m => m - riskFree).ToArray();
        program.Program.AddEquality("excess return ((μ - r_f)ᵀy = 1)", Enumerable.Range(0, n).ToArray(), excess, 1.0);
        var qp = SolveOnSupport(program, constraints, SupportPriority.BestRatio(covariance, excess), null);
        if (qp.Status == QpStatus.Infeasible)
        {
            return ExplainInfeasible(covariance, constraints, expectedReturns, qp,
                "No portfolio satisfying the constraints has an expected return above the risk-free rate.");
        }

        return FromQp(qp, program, covariance, expectedReturns, riskFree, homogeneous: true);
    }

    /// <summary>
    /// max μᵀw subject to sqrt(wᵀΣw) ≤ target: on the efficient frontier volatility rises with the
    /// target return, so the return whose minimum-variance portfolio has the target volatility is
    /// found by bisection between the minimum-variance and maximum-return portfolios.
    /// </summary>
    public static PortfolioResult TargetVolatility(double[,] covariance, double[] expectedReturns, double targetVolatility, PortfolioConstraints constraints)
    {
        var (low, high, failure) = ReturnRange(covariance, expectedReturns, constraints);
        if (failure is not null)
        {
            return failure;
        }

        if (targetVolatility < low.Volatility * (1 - 1e-12))
        {
            return PortfolioResult.Failed(PortfolioStatus.Unattainable,
                $"The target volatility is below the minimum attainable, {low.Volatility.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        if (high.Volatility <= targetVolatility)
        {
            return high;
        }

        double lo = low.ExpectedReturn, hi = high.ExpectedReturn;
        var best = low;
        for (var i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(Math.Abs(lo), Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            var p = TargetReturn(covariance, expectedReturns, mid, constraints, best.Weights);
            if (p.IsOptimal && p.Volatility <= targetVolatility)
            {
                lo = mid;
                best = p;
            }
            else
            {
                hi = mid;
            }
        }

        return best;
    }

    /// <summary>
    /// <paramref name="points"/> minimum-variance portfolios for target returns spaced evenly from the
    /// minimum-variance portfolio's return to the highest return the constraints allow.
    /// </summary>
    public static IReadOnlyList<PortfolioResult> EfficientFrontier(double[,] covariance, double[] expectedReturns, int points, PortfolioConstraints constraints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var (low, high, failure) = ReturnRange(covariance, expectedReturns, constraints);
        if (failure is not null)
        {
            return [failure];
        }

        // The end points are the two extreme portfolios themselves: at the maximum return the
        // feasible set of the target-return program shrinks to a face, where rounding can read it as empty.
        var frontier = new PortfolioResult[points];
        frontier[0] = low;
        frontier[points - 1] = high;
        // Each point's support starts from the previous point's holdings (a warm start); the
        // solver still checks optimality against every asset, so the points are the cold ones.
        for (var k = 1; k < points - 1; k++)
        {
            var target = low.ExpectedReturn + (high.ExpectedReturn - low.ExpectedReturn) * k / (points - 1);
            var previous = frontier[k - 1];
            frontier[k] = TargetReturn(covariance, expectedReturns, target, constraints, previous.IsOptimal ? previous.Weights : null);
        }

        return frontier;
    }

    /// <summary>
    /// Highest expected return the constraints allow, as the limit of max μᵀw - (ε/2)wᵀΣw with
    /// ε = 1e-6: its return falls short of the linear-programming maximum by at
    /// most ε·wᵀΣw/2, and it stays feasible.
    /// </summary>
    public static PortfolioResult MaximumReturn(double[,] covariance, double[] expectedReturns, PortfolioConstraints constraints)
    {
        var n = Size(covariance, expectedReturns);
        var scale = PortfolioProgram.MeanVariance(covariance);
        var linear = expectedReturns.Select(m => -m / (1e-6 * scale)).ToArray();
        var program = PortfolioProgram.Create(covariance, linear, constraints, homogeneous: false);
        var rough = SolveOnSupport(program, constraints, SupportPriority.HighestReturn(expectedReturns), null);
        if (rough.Status != QpStatus.Optimal)
        {
            return FromQp(rough, program, covariance, expectedReturns, 0.0, homogeneous: false);
        }

        // The large linear term costs about 1e-8 in feasibility; projecting the solution back onto
        // the constraints (min ‖w - w_ε‖²_Σ, a unit-scale QP) restores it to rounding error.
        var w = rough.Solution[..n];
        var pull = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                pull[i] -= covariance[i, j] / scale * w[j];
            }
        }

        var projection = PortfolioProgram.Create(covariance, pull, constraints, homogeneous: false);
        var qp = SolveOnSupport(projection, constraints, SupportPriority.HighestReturn(expectedReturns), w);
        return FromQp(qp, projection, covariance, expectedReturns, 0.0, homogeneous: false);
    }

    // Long-only portfolios hold few assets: solve on a working support of
    // assets (SupportSetSolver), seeded by the warm start's holdings or by a priority score, and
    // sized to at least twice the number of assets the upper bounds need to reach Σw = 1.
    private static QpResult SolveOnSupport(PortfolioProgram program, PortfolioConstraints constraints, int[] priority, double[]? warmStart)
    {
        var n = program.Assets;

        // Short positions are mostly interior (a support would grow to every asset), and turnover
        // rows tie each asset to its trades: both keep the full solve.
        if (constraints.Turnover is not null || Enumerable.Range(0, n).Any(i => constraints.Min(i) < 0.0))
        {
            return DualActiveSetSolver.Solve(program.Program);
        }

        var size = Math.Max(2 * SupportPriority.AssetsToFillBudget(constraints, n), 16);
        if (warmStart is not null)
        {
            var held = SupportPriority.Holdings(warmStart);
            priority = [.. held, .. priority];
            size = Math.Max(held.Length + 4, SupportPriority.AssetsToFillBudget(constraints, n) + 4);
        }

        return SupportSetSolver.Solve(program.Program, priority, size);
    }

    // A program with an objective row added is infeasible: either the constraints alone conflict
    // (then the plain program names them) or the objective is out of their reach.
    private static PortfolioResult ExplainInfeasible(double[,] covariance, PortfolioConstraints constraints, double[] mu, QpResult qp, string unattainable)
    {
        var feasible = MinimumVariance(covariance, constraints, mu);
        return feasible.IsOptimal
            ? PortfolioResult.Failed(PortfolioStatus.Unattainable, unattainable, qp.ConflictingConstraints)
            : feasible;
    }

    private static (PortfolioResult Low, PortfolioResult High, PortfolioResult? Failure) ReturnRange(
        double[,] covariance, double[] expectedReturns, PortfolioConstraints constraints)
    {
        var low = MinimumVariance(covariance, constraints, expectedReturns);
        if (!low.IsOptimal)
        {
            return (low, low, low);
        }

        var high = MaximumReturn(covariance, expectedReturns, constraints);
        return high.IsOptimal ? (low, high, null) : (low, high, high);
    }

    private static PortfolioResult FromQp(QpResult qp, PortfolioProgram program, double[,] covariance, double[]? mu, double riskFree, bool homogeneous)
    {
        return qp.Status switch
        {
            QpStatus.Optimal => Describe(program.Weights(qp.Solution, homogeneous), covariance, mu, riskFree),
            QpStatus.Infeasible => PortfolioResult.Failed(PortfolioStatus.Infeasible,
                "The constraints conflict: " + string.Join("; ", qp.ConflictingConstraints) + ".", qp.ConflictingConstraints),
            _ => PortfolioResult.Failed(PortfolioStatus.NotConverged, "The QP solver reached its iteration limit."),
        };
    }

    internal static PortfolioResult Describe(double[] weights, double[,] covariance, double[]? mu, double riskFree)
    {
        var n = weights.Length;
        double variance = 0, expected = 0;
        for (var i = 0; i < n; i++)
        {
            expected += mu is null ? 0.0 : mu[i] * weights[i];
            for (var j = 0; j < n; j++)
            {
                variance += weights[i] * covariance[i, j] * weights[j];
            }
        }

        var volatility = Math.Sqrt(Math.Max(variance, 0.0));
        var sharpe = mu is null ? double.NaN : (expected - riskFree) / volatility;
        return new PortfolioResult(PortfolioStatus.Optimal, weights, mu is null ? double.NaN : expected, volatility, sharpe, [], null);
    }

    private static int Size(double[,] covariance, double[]? mu = null)
    {
        var n = covariance.GetLength(0);
        if (covariance.GetLength(1) != n || (mu is not null && mu.Length != n))
        {
            throw new ArgumentException("Σ must be n × n and μ of length n.", nameof(covariance));
        }

        return n;
    }
}
