using System.Runtime.Intrinsics;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class VectorMathTests
{
    /// <summary>Against double-precision Math.Exp: within 2 float ulp (2.4e-7 relative) on the whole range it serves.</summary>
    [Fact]
    public void ExpSmall_AcrossItsRange_WithinTwoUlpOfDoubleExp()
    {
        const int steps = 100_000;
        for (var k = 0; k <= steps; k += 16)
        {
            var xs = new float[16];
            for (var j = 0; j < 16; j++)
            {
                xs[j] = -VectorMath.ExpSmallBound + (2 * VectorMath.ExpSmallBound * Math.Min(k + j, steps) / steps);
            }

            var y = VectorMath.ExpSmall(Vector512.Create(xs));
            for (var j = 0; j < 16; j++)
            {
                var exact = Math.Exp(xs[j]);
                Assert.True(Math.Abs(y[j] - exact) <= 2.4e-7 * exact, $"exp({xs[j]}) = {y[j]}, exact {exact}");
            }
        }
    }

    /// <summary>
    /// Every u1 = (k + 1/2)/2^24 the Box-Muller radius takes (all 2^24 of them, computed as the
    /// generator computes them), and a dense grid over [1e-30, 1e30]: within 2 float ulp of Math.Log.
    /// </summary>
    [Fact]
    public void Log_EveryBoxMullerInputAndADenseGrid_WithinTwoUlpOfDoubleLog()
    {
        var worst = 0.0;
        var xs = new float[16];
        void Check()
        {
            var y = VectorMath.Log(Vector512.Create(xs));
            for (var j = 0; j < 16; j++)
            {
                var exact = Math.Log(xs[j]);
                var ulp = Math.Max(double.Epsilon, (double)MathF.BitIncrement(MathF.Abs((float)exact)) - MathF.Abs((float)exact));
                worst = Math.Max(worst, Math.Abs(y[j] - exact) / ulp);
            }
        }

        for (var k = 0; k < 1 << 24; k += 16)
        {
            for (var j = 0; j < 16; j++)
            {
                xs[j] = MathF.FusedMultiplyAdd(k + j, 1f / (1 << 24), 0.5f / (1 << 24));
            }

            Check();
        }

        for (var k = 0; k < 1_000_000; k += 16)
        {
            for (var j = 0; j < 16; j++)
            {
                xs[j] = (float)Math.Exp(-69 + (138.0 * (k + j) / 1_000_000));
            }

            Check();
        }

        Assert.True(worst <= 2, $"worst error {worst} ulp");
    }

    /// <summary>A lane outside the small range takes the full exp; its neighbours keep the polynomial's value.</summary>
    [Fact]
    public void Generate_OneLargeLogReturn_OnlyThatLaneUsesTheFullExp()
    {
        var model = new NormalReturns([new MonthlyLogNormal(0, 1)], new double[,] { { 1 } });
        var random = new PathRandom(3, 32);
        var scratch = new float[model.ScratchLength(32)];
        var gross = new float[32];

        model.Generate(new ReturnBlock(0, 0, 32, random, default, scratch, false), gross);

        // With sigma = 1 many lanes exceed 0.5: every lane must still equal e^z to float accuracy.
        var normals = new float[32];
        new PathRandom(3, 32).FillNormals(0, 32, 1, normals, antithetic: false);
        Assert.Contains(normals, z => Math.Abs(z) > 0.5);
        Assert.Contains(normals, z => Math.Abs(z) <= 0.5);
        for (var i = 0; i < 32; i++)
        {
            Assert.Equal(Math.Exp(normals[i]), gross[i], Math.Exp(normals[i]) * 3e-7);
        }
    }
}
