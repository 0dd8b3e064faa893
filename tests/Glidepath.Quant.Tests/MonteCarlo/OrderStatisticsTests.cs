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
}
