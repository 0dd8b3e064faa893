using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Domain.Tests.Assumptions;

/// <summary>The practitioner constraints of docs/assumptions.md, checked on every level of the default set.</summary>
public sealed class AssumptionModelPortfoliosTest
{
    // Rounding to 6 decimals moves a weight by at most the residue handed to the largest class.
    private const decimal Rounding = 0.00001m;

    private static readonly IReadOnlyList<RiskLevelPortfolio> Levels = Generate();

    private static IReadOnlyList<RiskLevelPortfolio> Generate()
    {
        var (levels, failure) = AssumptionModelPortfolios.Generate(DefaultAssumptions.Create(DateTimeOffset.UnixEpoch));
        Assert.Null(failure);
        return levels;
    }

    private static decimal Share(RiskLevelPortfolio level, IReadOnlySet<AssetClass> classes) =>
        level.Allocations.Where(a => classes.Contains(a.AssetClass)).Sum(a => a.Weight);

    public static TheoryData<int> AllLevels() => [.. Enumerable.Range(1, 10)];

    [Theory]
    [MemberData(nameof(AllLevels))]
    public void Level_FullyInvested_ValidAllocation(int level)
    {
        var portfolio = Levels[level - 1];
        Assert.Equal(level, portfolio.Level);
        Assert.Null(ModelPortfolioRules.Check(portfolio.Allocations));
    }

    [Theory]
    [MemberData(nameof(AllLevels))]
    public void Level_EquityShare_IsTenPercentPerLevel_AndNeverFallsWithTheLevel(int level)
    {
        var equity = Share(Levels[level - 1], RiskLevelPolicy.Equity);
        Assert.InRange(equity, (level / 10m) - Rounding, (level / 10m) + Rounding);
        if (level > 1)
        {
            Assert.True(equity >= Share(Levels[level - 2], RiskLevelPolicy.Equity));
        }
    }

    [Theory]
    [MemberData(nameof(AllLevels))]
    public void Level_BelowEight_HoldsAtLeastTwentyPercentBonds(int level)
    {
        var bonds = Share(Levels[level - 1], RiskLevelPolicy.FixedIncome);
        if (level < 8)
        {
            Assert.True(bonds >= 0.20m - Rounding, $"level {level}: bonds {bonds}");
        }
    }

    [Theory]
    [MemberData(nameof(AllLevels))]
    public void Level_NoAlternativeClass_AboveFifteenPercent(int level)
    {
        foreach (var a in Levels[level - 1].Allocations.Where(a => RiskLevelPolicy.Alternatives.Contains(a.AssetClass)))
        {
            Assert.True(a.Weight <= 0.15m + Rounding, $"level {level}: {a.AssetClass} {a.Weight}");
        }
    }

    [Theory]
    [MemberData(nameof(AllLevels))]
    public void Level_EmergingMarkets_AtMostAFifthOfEquity(int level)
    {
        var em = Levels[level - 1].Allocations.Where(a => a.AssetClass == AssetClass.EmergingMarkets).Sum(a => a.Weight);
        Assert.True(em <= (0.2m * level / 10m) + Rounding);
    }

    [Fact]
    public void Levels_RiskRisesWithTheLevel()
    {
        for (var i = 1; i < Levels.Count; i++)
        {
            Assert.True(Levels[i].Volatility > Levels[i - 1].Volatility, $"level {i + 1}");
        }
    }

    [Fact]
    public void Generate_SetWithoutEquity_IsAFailureValue_NotAnException()
    {
        var set = DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);
        var bondsAndCash = new CapitalMarketAssumptionSet
        {
            Name = "no equity",
            Classes = [set.Of(AssetClass.Bonds)!, set.Of(AssetClass.Cash)!],
            Correlations = [[1, 0], [0, 1]],
        };

        var (levels, failure) = AssumptionModelPortfolios.Generate(bondsAndCash);

        Assert.Empty(levels);
        Assert.Contains("Risk level 1", failure, StringComparison.Ordinal);
    }
}
