namespace Glidepath.Quant.Optimization;

/// <summary>
/// Orders of assets for <see cref="SupportSetSolver"/>'s first support: cheap per-asset scores
/// (diagonal of Σ, μ), used only to guess which assets a solution holds. A poor guess costs
/// time, never accuracy: the solver checks the full optimality conditions.
/// </summary>
internal static class SupportPriority
{
    /// <summary>Smallest variance first (minimum variance).</summary>
    public static int[] LowestVariance(double[,] covariance) =>
        Order(covariance.GetLength(0), i => -covariance[i, i]);

    /// <summary>Largest excess return per unit variance first (maximum Sharpe ratio).</summary>
    public static int[] BestRatio(double[,] covariance, double[] excess) =>
        Order(excess.Length, i => excess[i] / covariance[i, i]);

    /// <summary>Largest expected return first (maximum return).</summary>
    public static int[] HighestReturn(double[] expectedReturns) =>
        Order(expectedReturns.Length, i => expectedReturns[i]);

    /// <summary>Lowest variance and highest return in turn (a target return between the two).</summary>
    public static int[] Mixed(double[,] covariance, double[] expectedReturns)
    {
        int[] a = LowestVariance(covariance), b = HighestReturn(expectedReturns);
        var seen = new bool[a.Length];
        var order = new List<int>(a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            foreach (var j in (ReadOnlySpan<int>)[a[i], b[i]])
            {
                if (!seen[j])
                {
                    seen[j] = true;
                    order.Add(j);
                }
            }
        }

        return [.. order];
    }

    /// <summary>
    /// Assets with a weight above rounding level (1e-12 of the largest), largest first: an asset
    /// held at its bound can come out of the solver as ±1e-17 rather than 0.
    /// </summary>
    public static int[] Holdings(double[] weights)
    {
        var largest = weights.Length == 0 ? 0.0 : weights.Max(Math.Abs);
        return [.. Enumerable.Range(0, weights.Length).Where(i => Math.Abs(weights[i]) > 1e-12 * largest).OrderByDescending(i => Math.Abs(weights[i]))];
    }

    /// <summary>How many assets the upper bounds need, at the least, for Σw = 1 (n when they cannot).</summary>
    public static int AssetsToFillBudget(PortfolioConstraints constraints, int n)
    {
        var caps = Enumerable.Range(0, n).Select(i => Math.Min(constraints.Max(i), 1.0)).OrderDescending();
        var sum = 0.0;
        var count = 0;
        foreach (var cap in caps)
        {
            sum += cap;
            count++;
            if (sum >= 1.0)
            {
                return count;
            }
        }

        return n;
    }

    private static int[] Order(int n, Func<int, double> score) =>
        [.. Enumerable.Range(0, n).OrderByDescending(score).ThenBy(i => i)];
}
