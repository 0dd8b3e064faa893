using Glidepath.Domain.Instruments;
using Glidepath.Domain.Recommendations;

namespace Glidepath.Domain.Tests.Recommendations;

public class RecommendationRulesTest
{
    private static readonly HarvestFact NoHarvest = new(0, 0m, 0m);

    private static HoldingFact Holding(string symbol, InstrumentType type, AssetClass assetClass, decimal value) => new(Guid.NewGuid(), symbol, type, assetClass, value);

    [Fact]
    public void Evaluate_HouseholdThatFollowsEveryRule_GetsNothing()
    {
        // 60 % stocks for level 6, no single stock, 5 % cash, 4 months of spending in savings.
        var facts = new HouseholdFacts(
            [Holding("VTI", InstrumentType.Etf, AssetClass.UsEquity, 60_000m), Holding("BND", InstrumentType.Etf, AssetClass.Bonds, 35_000m)],
            5_000m, 12_000m, 3_000m, 6, [], NoHarvest);

        Assert.Empty(RecommendationRules.Evaluate(facts));
    }

    [Fact]
    public void Evaluate_ShortEmergencyFund_AsksForThreeMonthsOfSpending()
    {
        // Spending 4,000 a month: 3 months is 12,000; 5,000 held is 1 whole month, 7,000 short.
        var facts = new HouseholdFacts([], 0m, 5_000m, 4_000m, null, [], NoHarvest);

        var advice = Assert.Single(RecommendationRules.Evaluate(facts));

        Assert.Equal((RecommendationKinds.EmergencyFund, 1, 7_000m), (advice.Kind, advice.Rank, advice.Effect.Amount));
        Assert.Equal((1m, 12_000m), (advice.Data["monthsCovered"], advice.Data["target"]));
        Assert.Equal("months:1", advice.Fingerprint);
    }

    [Fact]
    public void Evaluate_SingleStockAboveAFifth_IsConcentrated_AFundIsNot()
    {
        // Investments 100,000: AAPL 30 % (10,000 above 20 %), VTI 50 % is a fund and never counts.
        var apple = Holding("AAPL", InstrumentType.Stock, AssetClass.UsEquity, 30_000m);
        var facts = new HouseholdFacts([apple, Holding("VTI", InstrumentType.Etf, AssetClass.UsEquity, 50_000m)], 20_000m, 0m, 0m, null, [], NoHarvest);

        var advice = RecommendationRules.Evaluate(facts);

        var concentration = Assert.Single(advice, a => a.Kind == RecommendationKinds.Concentration);
        Assert.Equal($"concentration:{apple.InstrumentId}", concentration.Key);
        Assert.Equal((0.3m, 10_000m), (concentration.Data["share"], concentration.Effect.Amount));
        // 20 % cash is 10,000 above the 10 % allowance.
        var drag = Assert.Single(advice, a => a.Kind == RecommendationKinds.CashDrag);
        Assert.Equal(10_000m, drag.Effect.Amount);
        Assert.Equal([RecommendationKinds.Concentration, RecommendationKinds.CashDrag], advice.Select(a => a.Kind));
    }

    [Theory]
    [InlineData(3, 80_000, true)]   // 80 % stocks against 30 %
    [InlineData(7, 80_000, false)]  // 80 % against 70 %: within 10 points
    [InlineData(9, 60_000, true)]   // 60 % against 90 %
    public void Evaluate_EquityShareFarFromTheProfilesLevel_IsOffProfile(int level, int equity, bool expected)
    {
        var facts = new HouseholdFacts(
            [Holding("VTI", InstrumentType.Etf, AssetClass.UsEquity, equity), Holding("BND", InstrumentType.Etf, AssetClass.Bonds, 100_000 - equity)],
            0m, 0m, 0m, level, [], NoHarvest);

        Assert.Equal(expected, RecommendationRules.Evaluate(facts).Any(a => a.Kind == RecommendationKinds.RiskLevelOffProfile));
    }

    [Fact]
    public void Evaluate_Ranks_EmergencyFundFirst_ThenProfile_Harvest_Concentration_Rebalance_Cash()
    {
        var facts = new HouseholdFacts(
            [Holding("AAPL", InstrumentType.Stock, AssetClass.UsEquity, 50_000m), Holding("BND", InstrumentType.Etf, AssetClass.Bonds, 30_000m)],
            20_000m, 1_000m, 2_000m, 2, ["VTI in Brokerage"], new HarvestFact(1, 3_000m, 450m));

        var advice = RecommendationRules.Evaluate(facts);

        Assert.Equal(
            [RecommendationKinds.EmergencyFund, RecommendationKinds.RiskLevelOffProfile, RecommendationKinds.Harvest, RecommendationKinds.Concentration, RecommendationKinds.Rebalance, RecommendationKinds.CashDrag],
            advice.Select(a => a.Kind));
        Assert.Equal([1, 2, 3, 4, 5, 6], advice.Select(a => a.Rank));
        Assert.Equal(450m, advice[2].Effect.TaxSaved);
    }

    [Fact]
    public void Fingerprint_MovesOnlyWhenTheShareCrossesAFivePointStep()
    {
        HouseholdFacts Facts(decimal apple) => new([Holding("AAPL", InstrumentType.Stock, AssetClass.UsEquity, apple)], 100_000m - apple, 0m, 0m, null, [], NoHarvest);
        string Print(decimal apple) => RecommendationRules.Evaluate(Facts(apple)).Single(a => a.Kind == RecommendationKinds.Concentration).Fingerprint;

        Assert.Equal(Print(31_000m), Print(34_900m));
        Assert.NotEqual(Print(34_900m), Print(35_100m));
    }
}
