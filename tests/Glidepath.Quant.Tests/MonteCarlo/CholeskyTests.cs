using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class CholeskyTests
{
    [Fact]
    public void Decompose_BenchmarkCorrelations_ReproducesMatrix()
    {
        double[,] c = { { 1, 0.8, 0.1 }, { 0.8, 1, 0.1 }, { 0.1, 0.1, 1 } };

        var l = Cholesky.Decompose(c);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var s = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    s += l[i, k] * l[j, k];
                }

                Assert.Equal(c[i, j], s, 12);
                Assert.True(j <= i || l[i, j] == 0);
            }
        }
    }

    [Fact]
    public void Decompose_NotPositiveDefinite_ThrowsNamingField()
    {
        // Pairwise plausible, jointly impossible: eigenvalue 1 - 2*0.9 < 0.
        double[,] c = { { 1, 0.9, -0.9 }, { 0.9, 1, 0.9 }, { -0.9, 0.9, 1 } };

        var e = Assert.Throws<InvalidInputException>(() => Cholesky.Decompose(c));

        Assert.Equal("correlations", e.Field);
        Assert.Contains("positive definite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_Asymmetric_ThrowsNamingField()
    {
        double[,] c = { { 1, 0.5 }, { 0.4, 1 } };

        Assert.Equal("correlations", Assert.Throws<InvalidInputException>(() => Cholesky.Decompose(c)).Field);
    }
}
