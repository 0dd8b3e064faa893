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
