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

    /// <summary>
    /// X'X / divisor on the upper triangle, mirrored. Pairs of rows of the result are formed
    /// together against four columns at a time, so each loaded vector feeds several products.
    /// </summary>
    public double[,] Gram(double divisor)
    {
        var n = Assets;
        var g = new double[n, n];
        var i = 0;
        for (; i + 1 < n; i += 2)
        {
            var j = i;
            for (; j + 3 < n; j += 4)
            {
                Block2x4(i, j, g);
            }

            for (; j < n; j++)
            {
                g[i, j] = Dot(Columns[i], Columns[j]);
                g[i + 1, j] = Dot(Columns[i + 1], Columns[j]);
            }
        }

        for (; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                g[i, j] = Dot(Columns[i], Columns[j]);
            }
        }

        for (var r = 0; r < n; r++)
        {
            for (var c = r; c < n; c++)
            {
                g[r, c] /= divisor;
                g[c, r] = g[r, c];
            }
        }

        return g;
    }

    private void Block2x4(int i, int j, double[,] g)
    {
        ReadOnlySpan<double> a0 = Columns[i], a1 = Columns[i + 1];
        ReadOnlySpan<double> b0 = Columns[j], b1 = Columns[j + 1], b2 = Columns[j + 2], b3 = Columns[j + 3];
        var width = Vector<double>.Count;
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<double> s10 = default, s11 = default, s12 = default, s13 = default;
        var t = 0;
        for (; t <= a0.Length - width; t += width)
        {
            var x0 = new Vector<double>(a0[t..]);
            var x1 = new Vector<double>(a1[t..]);
            var y = new Vector<double>(b0[t..]);
            s00 += x0 * y;
            s10 += x1 * y;
            y = new Vector<double>(b1[t..]);
            s01 += x0 * y;
            s11 += x1 * y;
            y = new Vector<double>(b2[t..]);
            s02 += x0 * y;
            s12 += x1 * y;
            y = new Vector<double>(b3[t..]);
            s03 += x0 * y;
            s13 += x1 * y;
        }

        double r00 = Vector.Sum(s00), r01 = Vector.Sum(s01), r02 = Vector.Sum(s02), r03 = Vector.Sum(s03);
        double r10 = Vector.Sum(s10), r11 = Vector.Sum(s11), r12 = Vector.Sum(s12), r13 = Vector.Sum(s13);
        for (; t < a0.Length; t++)
        {
            r00 += a0[t] * b0[t];
            r01 += a0[t] * b1[t];
            r02 += a0[t] * b2[t];
            r03 += a0[t] * b3[t];
            r10 += a1[t] * b0[t];
            r11 += a1[t] * b1[t];
            r12 += a1[t] * b2[t];
            r13 += a1[t] * b3[t];
        }

        // Row i + 1 starts at column i + 1; the (i + 1, i) entry is its mirror and is written later.
        (g[i, j], g[i, j + 1], g[i, j + 2], g[i, j + 3]) = (r00, r01, r02, r03);
        (g[i + 1, j], g[i + 1, j + 1], g[i + 1, j + 2], g[i + 1, j + 3]) = (r10, r11, r12, r13);
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
