namespace Glidepath.Quant.MonteCarlo;

/// <summary>Percentiles by selection (no full sort): one multi-rank quickselect per call.</summary>
public static class OrderStatistics
{
    /// <summary>
    /// Type-7 percentiles (Hyndman and Fan, 1996): h = (n-1)p, value x[floor h] + frac(h)(x[floor h + 1] - x[floor h])
    /// over the sorted data. Reorders <paramref name="data"/>; expected O(n log(levels)).
    /// </summary>
    public static void Percentiles(Span<float> data, ReadOnlySpan<double> levels, Span<double> result)
    {
        var n = data.Length;
        if (n == 0)
        {
            result[..levels.Length].Fill(double.NaN);
            return;
        }

        var ranks = new List<int>(2 * levels.Length);
        foreach (var p in levels)
        {
            var lo = (int)Math.Floor((n - 1) * p);
            ranks.Add(lo);
            ranks.Add(Math.Min(lo + 1, n - 1));
        }

        var sorted = ranks.Distinct().Order().ToArray();
        Select(data, 0, n - 1, sorted, 0, sorted.Length - 1);
        for (var k = 0; k < levels.Length; k++)
        {
            var h = (n - 1) * levels[k];
            var lo = (int)Math.Floor(h);
            var hi = Math.Min(lo + 1, n - 1);
            result[k] = data[lo] + ((h - lo) * ((double)data[hi] - data[lo]));
        }
    }

    // Dijkstra three-way partition: many equal keys (failed paths at 0) stay linear.
    private static void Select(Span<float> a, int lo, int hi, int[] ranks, int rlo, int rhi)
    {
        while (rlo <= rhi && lo < hi)
        {
            if (hi - lo < 24)
            {
                a.Slice(lo, hi - lo + 1).Sort();
                return;
            }

            var pivot = MedianOf3(a[lo], a[lo + ((hi - lo) / 2)], a[hi]);
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                var x = a[i];
                if (x < pivot)
                {
                    (a[lt], a[i]) = (a[i], a[lt]);
                    lt++;
                    i++;
                }
                else if (x > pivot)
                {
                    (a[gt], a[i]) = (a[i], a[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // ranks[rlo..leftEnd] fall below lt, ranks[rightStart..rhi] above gt.
            var leftEnd = rlo - 1;
            while (leftEnd < rhi && ranks[leftEnd + 1] < lt)
            {
                leftEnd++;
            }

            var rightStart = rhi + 1;
            while (rightStart > rlo && ranks[rightStart - 1] > gt)
            {
                rightStart--;
            }

            Select(a, lo, lt - 1, ranks, rlo, leftEnd);
            (lo, rlo) = (gt + 1, rightStart);
        }
    }

    private static float MedianOf3(float a, float b, float c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
