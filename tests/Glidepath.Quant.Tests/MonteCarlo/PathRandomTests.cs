using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class PathRandomTests
{
    [Fact]
    public void FillNormals_HalfMillionDraws_CdfMatchesStandardNormalWithin3Se()
    {
        const int paths = 1024, draws = 5, calls = 100;
        var random = new PathRandom(123, paths);
        var buffer = new float[paths * draws];
        var all = new List<float>(paths * draws * calls);
        for (var c = 0; c < calls; c++)
        {
            random.FillNormals(0, paths, draws, buffer, antithetic: false);
            all.AddRange(buffer);
        }

        var n = all.Count;
        foreach (var x in new[] { -3.0, -2.0, -1.0, -0.5, 0.0, 0.3, 1.0, 1.645, 2.5, 3.5 })
        {
            var expected = ClosedForms.NormalCdf(x);
            var observed = all.Count(z => z <= x) / (double)n;
            Assert.InRange(observed - expected, -3 * ClosedForms.ProportionSe(expected, n), 3 * ClosedForms.ProportionSe(expected, n));
        }

        // Independence of consecutive draws of a path (the two halves of a Box-Muller pair, and the carried spare).
        for (var d = 0; d + 1 < draws; d++)
        {
            var r = 0.0;
            for (var i = 0; i < paths; i++)
            {
                r += buffer[(d * paths) + i] * buffer[((d + 1) * paths) + i];
            }

            Assert.InRange(r / paths, -4 / Math.Sqrt(paths), 4 / Math.Sqrt(paths));
        }
    }

    /// <summary>
    /// Kolmogorov-Smirnov against the standard normal CDF over 1,024,000 draws (critical value at the
    /// 0.1 % level: 1.949/sqrt(n)) and the first four moments within four standard errors.
    /// </summary>
    [Fact]
    public void FillNormals_MillionDraws_PassKolmogorovSmirnovAndMoments()
    {
        const int paths = 1024, draws = 5, calls = 200;
        var random = new PathRandom(20261207, paths);
        var buffer = new float[paths * draws];
        var all = new double[paths * draws * calls];
        for (var c = 0; c < calls; c++)
        {
            random.FillNormals(0, paths, draws, buffer, antithetic: false);
            for (var i = 0; i < buffer.Length; i++)
            {
                all[(c * buffer.Length) + i] = buffer[i];
            }
        }

        var n = all.Length;
        Array.Sort(all);
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = ClosedForms.NormalCdf(all[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - f, f - ((double)i / n)));
        }

        Assert.True(d < 1.949 / Math.Sqrt(n), $"KS statistic {d}");
        var mean = all.Average();
        var m2 = all.Average(x => (x - mean) * (x - mean));
        var m3 = all.Average(x => Math.Pow(x - mean, 3)) / Math.Pow(m2, 1.5);
        var m4 = all.Average(x => Math.Pow(x - mean, 4)) / (m2 * m2);
        Assert.InRange(mean, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(m2, 1 - (4 * Math.Sqrt(2.0 / n)), 1 + (4 * Math.Sqrt(2.0 / n)));
        Assert.InRange(m3, -4 * Math.Sqrt(6.0 / n), 4 * Math.Sqrt(6.0 / n));
        Assert.InRange(m4, 3 - (4 * Math.Sqrt(24.0 / n)), 3 + (4 * Math.Sqrt(24.0 / n)));
    }

    [Fact]
    public void FillNormals_Antithetic_SecondHalfIsNegatedFirstHalf()
    {
        var random = new PathRandom(5, 64);
        var buffer = new float[64 * 3];

        random.FillNormals(0, 64, 3, buffer, antithetic: true);

        for (var d = 0; d < 3; d++)
        {
            for (var i = 0; i < 32; i++)
            {
                Assert.Equal(-buffer[(d * 64) + i], buffer[(d * 64) + 32 + i]);
            }
        }
    }
}
