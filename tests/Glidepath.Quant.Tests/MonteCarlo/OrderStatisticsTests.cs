using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class OrderStatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(37)]
    [InlineData(5000)]
    public void Percentiles_RandomDataWithTies_MatchSortedType7(int n)
    {
        var rng = new Random(n);
        var data = Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? 0f : (float)rng.NextDouble()).ToArray();
        var sorted = data.Order().ToArray();
        var result = new double[Percentiles.Levels.Length];

        OrderStatistics.Percentiles(data, Percentiles.Levels, result);

        for (var k = 0; k < result.Length; k++)
        {
            var h = (n - 1) * Percentiles.Levels[k];
            var lo = (int)Math.Floor(h);
            var expected = sorted[lo] + ((h - lo) * (sorted[Math.Min(lo + 1, n - 1)] - (double)sorted[lo]));
            Assert.Equal(expected, result[k], 12);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Percentiles_WideRangesAndSpikes_MatchSortedType7(int shape)
    {
        // The radix path (n >= 4096) buckets by the key's offset in [min, max]: a range spanning
        // every exponent and sign, a spike of zeros (failed paths) and a narrow range all stay exact;
        // so do copies of a negative minimum with other values in its bucket, and all values equal
        // (the ranks among the minimum's copies are answered without gathering them).
        var rng = new Random(shape);
        var data = Enumerable.Range(0, 20_000).Select(_ => shape switch
        {
            0 => (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-40, 38))),
            1 => rng.Next(3) == 0 ? 0f : (float)(1e6 * Math.Exp(rng.NextDouble() * 6)),
            3 => rng.Next(5) < 2 ? -2f : rng.Next(2) == 0 ? -2f + (float)(rng.NextDouble() * 1e-4) : (float)(rng.NextDouble() * 1e4),
            4 => 7.5f,
            _ => 100_000f + (float)rng.NextDouble(),
        }).ToArray();
        var sorted = data.Order().ToArray();
        var result = new double[Percentiles.Levels.Length];

        OrderStatistics.Percentiles(data, Percentiles.Levels, result);

        for (var k = 0; k < result.Length; k++)
        {
            var h = (sorted.Length - 1) * Percentiles.Levels[k];
            var lo = (int)Math.Floor(h);
            Assert.Equal(sorted[lo] + ((h - lo) * (sorted[lo + 1] - (double)sorted[lo])), result[k]);
        }
    }

    /// <summary>
    /// Many levels (more wanted buckets than the 16-lane gather takes: the scalar gather) and few
    /// (the vector gather), on a length with a tail of 7 elements after the whole vectors.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Percentiles_ManyOrFewLevelsWithATail_MatchSortedType7(int levelCount)
    {
        var rng = new Random(levelCount);
        var data = Enumerable.Range(0, 10_007).Select(_ => rng.Next(5) == 0 ? 0f : (float)Math.Exp(rng.NextDouble() * 20)).ToArray();
        var sorted = data.Order().ToArray();
        var levels = Enumerable.Range(1, levelCount).Select(k => k / (levelCount + 1.0)).ToArray();
        var result = new double[levels.Length];

        OrderStatistics.Percentiles(data, levels, result);

        for (var k = 0; k < levels.Length; k++)
        {
            var h = (sorted.Length - 1) * levels[k];
            var lo = (int)Math.Floor(h);
            Assert.Equal(sorted[lo] + ((h - lo) * (sorted[lo + 1] - (double)sorted[lo])), result[k]);
        }
    }
}
