using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Tests.Assumptions;

/// <summary>
/// The built-in set against the worked blend of docs/assumptions.md, computed by hand from the two
/// input tables (published Morningstar Office rows and the historical estimates of
/// docs/assumptions/historical_estimates.py), not by the code under test.
/// </summary>
public sealed class DefaultAssumptionsTest
{
    [Theory]
    [InlineData(AssetClass.UsEquity, 0.101102, 0.191375)]
    [InlineData(AssetClass.InternationalEquity, 0.113794, 0.2062)]
    [InlineData(AssetClass.EmergingMarkets, 0.150090, 0.2965)]
    [InlineData(AssetClass.Bonds, 0.052782, 0.06725)]
    [InlineData(AssetClass.RealEstate, 0.113046, 0.2355)]
    [InlineData(AssetClass.Commodities, 0.079744, 0.18755)]
    [InlineData(AssetClass.Cash, 0.0351, 0.01265)]
    public void Create_BlendAndShrinkage_MatchesTheWorkedExample(AssetClass assetClass, double expectedReturn, double volatility)
    {
        var set = DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);

        var figures = set.Of(assetClass)!;
        Assert.Equal(expectedReturn, figures.ExpectedReturn, 6);
        Assert.Equal(volatility, figures.Volatility, 9);
    }

    [Fact]
    public void Create_CorrelationMatrix_IsAValidCorrelationMatrix()
    {
        var set = DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);

        Assert.Null(CapitalMarketAssumptionRules.Check(set.Classes, set.Correlations));
        // The judgement matrix is already positive definite, so the projection leaves it as it is.
        Assert.Equal(0.2765, set.Correlations[0][3], 9);
        Assert.Equal((1, new DateOnly(2026, 12, 6)), (set.Version, set.AsOf));
    }

    [Fact]
    public void Check_BrokenSets_NameTheField()
    {
        var good = DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);
        List<AssetClassAssumption> twice = [.. good.Classes.Take(2), good.Classes[0]];
        Assert.Equal("classes", CapitalMarketAssumptionRules.Check(twice, good.Correlations)?.Field);
        List<List<double>> notPsd = [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]];
        Assert.Equal("correlations", CapitalMarketAssumptionRules.Check(good.Classes.Take(3).ToList(), notPsd)?.Field);
        List<List<double>> asymmetric = [[1, 0.2], [0.3, 1]];
        Assert.Equal("correlations", CapitalMarketAssumptionRules.Check(good.Classes.Take(2).ToList(), asymmetric)?.Field);
        List<AssetClassAssumption> negativeVol = [good.Classes[0] with { Volatility = -0.1 }, good.Classes[1]];
        Assert.Equal("classes", CapitalMarketAssumptionRules.Check(negativeVol, [[1, 0], [0, 1]])?.Field);
    }
}
