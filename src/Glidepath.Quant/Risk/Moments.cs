namespace Glidepath.Quant.Risk;

/// <summary>Sample moments shared by the statistics (divisor n - 1 where stated).</summary>
internal static class Moments
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        ArgumentOutOfRangeException.ThrowIfZero(x.Length);
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v;
        }

        return sum / x.Length;
    }

    /// <summary>Unbiased covariance (divisor n - 1) of two equal-length series.</summary>
    public static double Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Series must have equal length.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, 2);
        double mx = Mean(x), my = Mean(y), sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - mx) * (y[i] - my);
        }

        return sum / (x.Length - 1);
    }

    public static double StandardDeviation(ReadOnlySpan<double> x) => Math.Sqrt(Covariance(x, x));

    public static double[] Subtract(ReadOnlySpan<double> x, double c)
    {
        var d = new double[x.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = x[i] - c;
        }

        return d;
    }

    public static double[] Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Series must have equal length.", nameof(y));
        }

        var d = new double[x.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = x[i] - y[i];
        }

        return d;
    }
}
