namespace Glidepath.Quant.Anomalies;

/// <summary>Order statistics used by the anomaly detectors (docs/anomalies.md).</summary>
public static class RobustStatistics
{
    /// <summary>
    /// 1.4826 ≈ 1 / Φ⁻¹(3/4): the MAD times this estimates the standard deviation of normal data
    /// (Rousseeuw and Croux, 1993).
    /// </summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median; of an even count, the mean of the two middle values.</summary>
    public static double Median(ReadOnlySpan<double> x)
    {
        ArgumentOutOfRangeException.ThrowIfZero(x.Length);
        var sorted = x.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>Median absolute deviation from the median (unscaled).</summary>
    public static double Mad(ReadOnlySpan<double> x)
    {
        var m = Median(x);
        var deviations = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            deviations[i] = Math.Abs(x[i] - m);
        }

        return Median(deviations);
    }

    /// <summary>
    /// The "double MAD" for skewed data: the median of |x − m| over the values at or below
    /// <paramref name="median"/> m, and over the values at or above it (unscaled; a value equal to m counts on both sides).
    /// </summary>
    public static (double Below, double Above) HalfMads(ReadOnlySpan<double> x, double median)
    {
        var below = new List<double>(x.Length);
        var above = new List<double>(x.Length);
        foreach (var v in x)
        {
            if (v <= median)
            {
                below.Add(median - v);
            }

            if (v >= median)
            {
                above.Add(v - median);
            }
        }

        return (below.Count == 0 ? 0 : Median([.. below]), above.Count == 0 ? 0 : Median([.. above]));
    }

    /// <summary>
    /// The p-quantile by linear interpolation between order statistics (Hyndman and Fan's type 7, the
    /// default of R and numpy): h = (n − 1)p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> x, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(x.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        var sorted = x.ToArray();
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
