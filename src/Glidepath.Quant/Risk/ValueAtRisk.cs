namespace Glidepath.Quant.Risk;

/// <summary>
/// One-period value at risk and conditional value at risk (expected shortfall) of simple
/// returns, reported as positive loss fractions at confidence level c (e.g. 0.95).
/// </summary>
public static class ValueAtRisk
{
    /// <summary>
    /// Historical VaR: minus the (1 - c) sample quantile of the returns, the quantile
    /// interpolated linearly between order statistics at position (n - 1)(1 - c)
    /// (Hyndman and Fan 1996 type 7; numpy's and R's default).
    /// </summary>
    public static double Historical(ReadOnlySpan<double> returns, double confidence)
    {
        CheckConfidence(confidence);
        var sorted = returns.ToArray();
        Array.Sort(sorted);
        return -Quantile(sorted, 1.0 - confidence);
    }

    /// <summary>
    /// Historical CVaR: minus the mean of the returns at or below the (1 - c) quantile used by
    /// <see cref="Historical"/>.
    /// </summary>
    public static double HistoricalConditional(ReadOnlySpan<double> returns, double confidence)
    {
        CheckConfidence(confidence);
        var sorted = returns.ToArray();
        Array.Sort(sorted);
        var cut = Quantile(sorted, 1.0 - confidence);
        double sum = 0;
        var count = 0;
        foreach (var r in sorted)
        {
            if (r > cut)
            {
                break;
            }

            sum += r;
            count++;
        }

        return -sum / count;
    }

    /// <summary>Gaussian VaR: -(μ + σ z), z = Φ⁻¹(1 - c); μ the sample mean, σ the sample sd (n - 1).</summary>
    public static double Parametric(ReadOnlySpan<double> returns, double confidence)
    {
        CheckConfidence(confidence);
        var z = NormalDistribution.Quantile(1.0 - confidence);
        return -(Moments.Mean(returns) + Moments.StandardDeviation(returns) * z);
    }

    /// <summary>Gaussian CVaR: -(μ - σ φ(z) / (1 - c)), z = Φ⁻¹(1 - c).</summary>
    public static double ParametricConditional(ReadOnlySpan<double> returns, double confidence)
    {
        CheckConfidence(confidence);
        var z = NormalDistribution.Quantile(1.0 - confidence);
        return -(Moments.Mean(returns) - Moments.StandardDeviation(returns) * NormalDistribution.Density(z) / (1.0 - confidence));
    }

    private static double Quantile(double[] sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Length);
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        }
    }
}
