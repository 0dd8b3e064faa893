using System.Numerics;

namespace Glidepath.Quant.Covariance;

/// <summary>Observations (rows) × assets (columns) copied column-major, optionally demeaned.</summary>
internal sealed class DataColumns
{
    private DataColumns(double[][] columns, int observations)
    {
        Columns = columns;
        Observations = observations;
    }

    public double[][] Columns { get; }

    public int Observations { get; }

    public int Assets => Columns.Length;

    public static DataColumns From(double[,] returns, bool demean)
    {
        int t = returns.GetLength(0), n = returns.GetLength(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 2, nameof(returns));
        var columns = new double[n][];
        for (var j = 0; j < n; j++)
        {
            var c = new double[t];
            for (var i = 0; i < t; i++)
            {
                c[i] = returns[i, j];
                if (!double.IsFinite(c[i]))
                {
                    throw new ArgumentException($"Observation {i} of asset {j} is not a finite number.", nameof(returns));
                }
            }

            if (demean)
            {
                var mean = c.Average();
                for (var i = 0; i < t; i++)
                {
                    c[i] -= mean;
                }
            }

            columns[j] = c;
        }

        return new DataColumns(columns, t);
    }

    /// <summary>X'X / divisor, computed on the upper triangle and mirrored.</summary>
    public double[,] Gram(double divisor)
    {
        var n = Assets;
        var g = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                g[i, j] = g[j, i] = Dot(Columns[i], Columns[j]) / divisor;
            }
        }

        return g;
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            acc += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
