using Glidepath.Quant.Covariance;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Covariance;

public class NearestCorrelationTests
{
    // Higham (2002) §4: the nearest correlation matrix to [[1,1,0],[1,1,1],[0,1,1]] has off-diagonal
    // entries 0.7607, 0.1573, 0.7607 (to the four places printed).
    [Fact]
    public void Compute_HighamExample_MatchesPublishedValuesAndNumpy()
    {
        var result = NearestCorrelation.Compute(new double[,] { { 1, 1, 0 }, { 1, 1, 1 }, { 0, 1, 1 } });

        Assert.True(result.Converged);
        Tolerance.Close(0.7607, result.Matrix[0, 1], abs: 5e-5);
        Tolerance.Close(0.1573, result.Matrix[0, 2], abs: 5e-5);
        Tolerance.Close(0.7607, result.Matrix[1, 2], abs: 5e-5);
        Tolerance.Close(Fixture.Json("covariance.json").GetProperty("nearest").GetProperty("higham").Matrix(), result.Matrix, abs: 1e-9);
    }

    // A pairwise-deletion correlation matrix of real S&P 500 stocks with gaps is not positive
    // semidefinite (make_covariance.py); the repair matches numpy's run of the same algorithm.
    [Fact]
    public void Compute_PairwiseCorrelationWithGaps_BecomesValidAndMatchesNumpy()
    {
        var e = Fixture.Json("covariance.json").GetProperty("nearest");
        var pairwise = e.GetProperty("pairwise").Matrix();
        Tolerance.Close(e.GetProperty("pairwiseMinEigenvalue").GetDouble(), NearestCorrelation.MinimumEigenvalue(pairwise), rel: 1e-10);

        var result = NearestCorrelation.Compute(pairwise);

        Assert.True(result.Converged);
        Tolerance.Close(e.GetProperty("pairwiseNearest").Matrix(), result.Matrix, abs: 1e-9);
        Assert.True(NearestCorrelation.MinimumEigenvalue(result.Matrix) > -1e-10);
        for (var i = 0; i < pairwise.GetLength(0); i++)
        {
            Assert.Equal(1.0, result.Matrix[i, i]);
        }
    }

    [Fact]
    public void Compute_ValidCorrelation_IsReturnedUnchanged()
    {
        var valid = new double[,] { { 1, 0.3 }, { 0.3, 1 } };

        var result = NearestCorrelation.Compute(valid);

        Tolerance.Close(valid, result.Matrix, abs: 1e-14);
    }
}
