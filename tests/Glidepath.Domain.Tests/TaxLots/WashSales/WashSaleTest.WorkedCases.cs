using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.Tests.TaxLots.WashSales;

/// <summary>The hand-worked cases of docs/wash-sales.md, one test each, with the same numbers.</summary>
public partial class WashSaleTest
{
    [Fact]
    public void Build_PartialReplacement_DisallowsOnlyTheMatchedShare()
    {
        var account = h.Account("Brokerage");
        var vti = h.Instrument("VTI");
        h.Deposit(account, Day("2024-03-01"), 10_000m);
        h.Buy(account, vti, Day("2024-03-01"), 100m, 50m);
        var sale = h.Sell(account, vti, Day("2024-09-03"), 100m, 40m);
        var replacement = h.Buy(account, vti, Day("2024-09-20"), 30m, 42m);

        var state = h.BuildState();

        var gain = Gain(state, sale);
        Assert.Equal(300m, gain.DisallowedLoss);
        Assert.Equal(-700m, gain.ReportableGain);
        Assert.Equal(1_560m, Lot(state, replacement).CostBasis);
        Assert.Equal(Day("2024-03-18"), Lot(state, replacement).HoldingPeriodStart);
    }

    [Fact]
    public void Build_ReplacementBoughtBeforeTheSale_SplitsTheReplacementLot()
    {
        var account = h.Account("Brokerage");
        var vti = h.Instrument("VTI");
        h.Deposit(account, Day("2024-01-10"), 10_000m);
        h.Buy(account, vti, Day("2024-01-10"), 100m, 30m);
        var later = h.Buy(account, vti, Day("2024-05-01"), 200m, 25m);
        var sale = h.Sell(account, vti, Day("2024-05-15"), 100m, 20m);

        var state = h.BuildState();

        Assert.Equal(1_000m, Gain(state, sale).DisallowedLoss);
        var untouched = Lot(state, later);
        Assert.Equal((100m, 2_500m, (DateOnly?)null), (untouched.Quantity, untouched.CostBasis, untouched.HoldingPeriodStart));
        var replacement = state.Lots.Single(l => l.HoldingPeriodStart is not null);
        Assert.Equal((100m, 3_500m, Day("2024-05-01"), Day("2023-12-27")),
            (replacement.Quantity, replacement.CostBasis, replacement.AcquiredDate, replacement.HoldingPeriodStart!.Value));
        Assert.Equal(replacement.LotId, state.WashSales!.Single().ReplacementLotId);
    }

    [Fact]
    public void Build_ReplacementInIra_DisallowsLossForGoodWithoutBasisChange()
    {
        var taxable = h.Account("Brokerage");
        var ira = h.Account("IRA", type: AccountType.TraditionalIra);
        var vti = h.Instrument("VTI");
        h.Deposit(taxable, Day("2024-02-01"), 5_000m);
        h.Deposit(ira, Day("2024-02-01"), 5_000m);
        h.Buy(taxable, vti, Day("2024-02-01"), 100m, 50m);
        var sale = h.Sell(taxable, vti, Day("2024-08-01"), 100m, 45m);
        var replacement = h.Buy(ira, vti, Day("2024-08-15"), 100m, 46m);

        var state = h.BuildState();

        Assert.Equal(500m, Gain(state, sale).DisallowedLoss);
        Assert.Equal((4_600m, (DateOnly?)null), (Lot(state, replacement).CostBasis, Lot(state, replacement).HoldingPeriodStart));
        var adjustment = state.WashSales!.Single();
        Assert.True(adjustment.Permanent);
        Assert.Equal(0, adjustment.TackedDays);
    }

    [Fact]
    public void Build_ReinvestedDividend_IsAReplacementForItsShares()
    {
        var account = h.Account("Brokerage");
        var vti = h.Instrument("VTI");
        h.Deposit(account, Day("2023-01-05"), 5_000m);
        h.Buy(account, vti, Day("2023-01-05"), 200m, 20m);
        var sale = h.Sell(account, vti, Day("2024-06-10"), 100m, 15m);
        var reinvested = h.Reinvest(account, vti, Day("2024-06-28"), 4m, 15.50m);

        var state = h.BuildState();

        // The 100 unsold shares of the same purchase are not replacements; the 4 reinvested shares are.
        var gain = Gain(state, sale);
        Assert.Equal((20m, -480m, HoldingTerm.LongTerm), (gain.DisallowedLoss, gain.ReportableGain, gain.Term));
        var lot = Lot(state, reinvested);
        Assert.Equal((82m, Day("2023-01-23")), (lot.CostBasis, lot.HoldingPeriodStart!.Value));
    }

    [Fact]
    public void Build_ReplacementTransferredToAnotherAccount_KeepsBasisAndHoldingPeriod()
    {
        var first = h.Account("First");
        var second = h.Account("Second");
        var vti = h.Instrument("VTI");
        h.Deposit(first, Day("2024-01-02"), 5_000m);
        h.Buy(first, vti, Day("2024-01-02"), 100m, 10m);
        h.Sell(first, vti, Day("2024-03-01"), 100m, 8m);
        var replacement = h.Buy(first, vti, Day("2024-03-10"), 100m, 8.50m);
        h.Transfer(first, second, vti, Day("2024-04-01"), 100m);
        var resale = h.Sell(second, vti, Day("2024-05-01"), 100m, 12m);

        var state = h.BuildState();

        var gain = Gain(state, resale);
        Assert.Equal((replacement.Id, 1_050m, 150m, 0m), (gain.LotId, gain.CostBasis, gain.Gain, gain.DisallowedLoss));
        Assert.Equal((Day("2024-01-11"), HoldingTerm.ShortTerm), (gain.HoldingPeriodStart!.Value, gain.Term));
    }
}
