namespace Glidepath.Quant.MonteCarlo;

/// <summary>How often holdings are brought back to the target weights.</summary>
public enum Rebalance
{
    Monthly,
    Annually,
    Never,
}

/// <summary>Target weights from <paramref name="Month"/> on (glide path point).</summary>
public sealed record GlidePoint(int Month, IReadOnlyList<double> Weights);

/// <summary>
/// Fixed weights with a rebalancing rule, or a glide path: weights interpolated linearly in time
/// between points (held flat before the first and after the last) and rebalanced monthly.
/// </summary>
public sealed record Allocation(IReadOnlyList<double> Weights, Rebalance Rebalance = Rebalance.Monthly, IReadOnlyList<GlidePoint>? GlidePath = null)
{
    /// <summary>Target weights of every month, month-major (month m, asset a at m*assets + a).</summary>
    internal float[] MonthlyWeights(int months, int assets)
    {
        Check(Weights, assets, "allocation.weights");
        var table = new float[months * assets];
        var points = GlidePath ?? [];
        for (var k = 0; k < points.Count; k++)
        {
            Check(points[k].Weights, assets, $"allocation.glidePath[{k}].weights");
            if (k > 0 && points[k].Month <= points[k - 1].Month)
            {
                throw new InvalidInputException($"allocation.glidePath[{k}].month", $"allocation.glidePath[{k}].month must be after the previous point");
            }
        }

        for (var m = 0; m < months; m++)
        {
            for (var a = 0; a < assets; a++)
            {
                table[(m * assets) + a] = (float)WeightAt(points, m, a);
            }
        }

        return table;
    }

    private double WeightAt(IReadOnlyList<GlidePoint> points, int month, int asset)
    {
        if (points.Count == 0)
        {
            return Weights[asset];
        }

        if (month <= points[0].Month)
        {
            return points[0].Weights[asset];
        }

        for (var k = 1; k < points.Count; k++)
        {
            if (month <= points[k].Month)
            {
                var (p, q) = (points[k - 1], points[k]);
                var t = (double)(month - p.Month) / (q.Month - p.Month);
                return p.Weights[asset] + (t * (q.Weights[asset] - p.Weights[asset]));
            }
        }

        return points[^1].Weights[asset];
    }

    private static void Check(IReadOnlyList<double> weights, int assets, string field)
    {
        if (weights.Count != assets)
        {
            throw new InvalidInputException(field, $"{field} has {weights.Count} entries for {assets} assets");
        }

        if (weights.Any(w => !(w >= 0 && w <= 1)))
        {
            throw new InvalidInputException(field, $"{field} must each be in [0, 1]");
        }

        var sum = weights.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new InvalidInputException(field, $"{field} sum to {sum.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, not 1");
        }
    }
}
