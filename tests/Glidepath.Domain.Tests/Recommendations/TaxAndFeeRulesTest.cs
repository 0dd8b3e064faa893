using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Recommendations;

namespace Glidepath.Domain.Tests.Recommendations;

/// <summary>Asset location and fee drag, worked by hand (docs/recommendations.md, "Asset location", "Fee drag").</summary>
public class TaxAndFeeRulesTest
{
    private static readonly HarvestFact NoHarvest = new(0, 0m, 0m);
    private static readonly TaxRates Rates = new(0.32m, 0.15m);

    private static PlacedHolding Placed(AccountType type, string symbol, AssetClass assetClass, decimal value, decimal basis, bool soldRecently = false) =>
        new(Guid.NewGuid(), type.ToString(), type, Guid.NewGuid(), symbol, assetClass, value, basis, soldRecently);

    private static HouseholdFacts Facts(IReadOnlyList<PlacedHolding> placed, TaxRates? rates = null, IReadOnlyList<AccountFees>? fees = null) => new(
        [.. placed.Select(p => new HoldingFact(p.InstrumentId, p.Symbol, InstrumentType.Etf, p.AssetClass, p.Value))],
        0m, 1_000_000m, 0m, null, [], NoHarvest, placed, fees, rates ?? Rates);

    [Fact]
    public void AssetLocation_BondsInTaxableEquityInIra_SavesTheIncomeTaxDifference()
    {
        // BND 50,000 in taxable (basis 45,000), VTI 80,000 in a traditional IRA: swap min(50,000, 80,000) = 50,000.
        // Tax a year: 50,000 × (4 % × 32 % − 1.5 % × 15 %) = 50,000 × (0.0128 − 0.00225) = 527.50.
        // The sale realises 5,000 of gain, 750 of tax at 15 %.
        var facts = Facts([
            Placed(AccountType.TaxableBrokerage, "BND", AssetClass.Bonds, 50_000m, 45_000m),
            Placed(AccountType.TraditionalIra, "VTI", AssetClass.UsEquity, 80_000m, 60_000m),
        ]);

        var advice = Assert.Single(RecommendationRules.Evaluate(facts), a => a.Kind == RecommendationKinds.AssetLocation);

        Assert.Equal((50_000m, 527.50m), (advice.Effect.Amount, advice.Effect.TaxSaved));
        Assert.Equal((5_000m, 750m), (advice.Data["gainRealised"], advice.Data["taxOnSale"]));
        Assert.Equal("asset-location", advice.Article);
    }

    [Fact]
    public void AssetLocation_ABondFundAtALoss_IsNeverSwapped_TheSaleWithTheIraPurchaseWouldBeAWashSale()
    {
        // BND is below its basis: selling it in taxable and buying it in the IRA is a wash sale (Rev. Rul. 2008-5).
        var facts = Facts([
            Placed(AccountType.TaxableBrokerage, "BND", AssetClass.Bonds, 50_000m, 55_000m),
            Placed(AccountType.RothIra, "VTI", AssetClass.UsEquity, 80_000m, 60_000m),
        ]);

        Assert.DoesNotContain(RecommendationRules.Evaluate(facts), a => a.Kind == RecommendationKinds.AssetLocation);
    }

    [Fact]
    public void AssetLocation_EquitySoldInTaxableWithinThirtyDays_IsNotBoughtBackThere()
    {
        // VTI was sold in a taxable account in the last 30 days: buying it in taxable now could replace that sale.
        // Only the 20,000 of VXUS can move: 20,000 × 0.01055 = 211.
        var facts = Facts([
            Placed(AccountType.TaxableBrokerage, "BND", AssetClass.Bonds, 50_000m, 45_000m),
            Placed(AccountType.Plan401K, "VTI", AssetClass.UsEquity, 80_000m, 60_000m, soldRecently: true),
            Placed(AccountType.Plan401K, "VXUS", AssetClass.InternationalEquity, 20_000m, 20_000m),
        ]);

        var advice = Assert.Single(RecommendationRules.Evaluate(facts), a => a.Kind == RecommendationKinds.AssetLocation);

        Assert.Equal((20_000m, 211m, 80_000m), (advice.Effect.Amount, advice.Effect.TaxSaved, advice.Data["leftOutRecentlySold"]));
        // 5,000 of gain on 50,000, pro rata on the 20,000 sold: 2,000, taxed 300.
        Assert.Equal((2_000m, 300m), (advice.Data["gainRealised"], advice.Data["taxOnSale"]));
    }

    [Theory]
    [InlineData(0, 0)]        // no tax profile: nothing to save
    [InlineData(0.1, 0.3)]    // 4 % × 10 % = 0.40 % < 1.5 % × 30 % = 0.45 %: bonds are not the worse-taxed asset
    public void AssetLocation_NoSavingAtTheHouseholdsRates_IsNotRecommended(double ordinary, double qualified)
    {
        var facts = Facts(
            [Placed(AccountType.TaxableBrokerage, "BND", AssetClass.Bonds, 50_000m, 45_000m), Placed(AccountType.TraditionalIra, "VTI", AssetClass.UsEquity, 80_000m, 60_000m)],
            new TaxRates((decimal)ordinary, (decimal)qualified));

        Assert.DoesNotContain(RecommendationRules.Evaluate(facts), a => a.Kind == RecommendationKinds.AssetLocation);
    }

    [Fact]
    public void AssetLocation_ASwapBelowFivePercentOfTheInvestments_IsNotWorthTheTrades()
    {
        // 4,000 of bonds in taxable against 96,000 of IRA equity: 4 % of 100,000.
        var facts = Facts([
            Placed(AccountType.TaxableBrokerage, "BND", AssetClass.Bonds, 4_000m, 3_000m),
            Placed(AccountType.TraditionalIra, "VTI", AssetClass.UsEquity, 96_000m, 60_000m),
        ]);

        Assert.DoesNotContain(RecommendationRules.Evaluate(facts), a => a.Kind == RecommendationKinds.AssetLocation);
    }

    [Theory]
    [InlineData(2_000, 1_500)] // 1 % of 200,000; at 0.25 % it would cost 500: 1,500 saved a year
    [InlineData(1_200, 700)]   // 0.6 %
    [InlineData(1_000, null)]  // 0.5 %: not above the 0.5 % line
    [InlineData(900, null)]    // 0.45 %
    public void FeeDrag_FeesAboveHalfAPercent_SaveWhatIsPaidAboveTheBenchmark(int fees, int? saved)
    {
        var account = new AccountFees(Guid.NewGuid(), "Wrap account", 200_000m, fees);
        var facts = Facts([], fees: [account]);

        var advice = RecommendationRules.Evaluate(facts).Where(a => a.Kind == RecommendationKinds.FeeDrag).ToList();

        Assert.Equal(saved, advice.SingleOrDefault()?.Effect.FeesSaved is { } s ? (int?)s : null);
        if (saved is not null)
        {
            Assert.Equal(($"fee-drag:{account.AccountId}", "fees"), (advice[0].Key, advice[0].Article));
            Assert.Equal(fees / 200_000m, advice[0].Data["feeRate"]);
        }
    }
}
