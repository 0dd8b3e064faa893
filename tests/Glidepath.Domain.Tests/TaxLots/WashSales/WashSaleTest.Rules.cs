using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Tests.TaxLots.WashSales;

/// <summary>The window, what counts as identical, and what is never a wash sale.</summary>
public partial class WashSaleTest
{
    [Theory]
    [InlineData("2024-05-02", 0)] // 30 days before the sale: inside
    [InlineData("2024-05-01", 1)] // 31 days before: outside
    [InlineData("2024-07-01", 0)] // 30 days after: inside
    [InlineData("2024-07-02", 1)] // 31 days after: outside
    public void Build_PurchaseAtWindowEdge_IsMatchedOnlyWithin30Days(string purchase, int allowed)
    {
        var account = h.Account("Brokerage");
        var vti = h.Instrument("VTI");
        h.Deposit(account, Day("2024-01-02"), 10_000m);
        h.Buy(account, vti, Day("2024-01-02"), 10m, 100m);
        h.Buy(account, vti, Day(purchase), 10m, 80m);
        var sale = h.Sell(account, vti, Day("2024-06-01"), 10m, 90m, selections: new LotSelection(h.Transactions[1].Id, 10m));

        var state = h.BuildState();

        Assert.Equal(allowed == 1 ? 0m : 100m, Gain(state, sale).DisallowedLoss);
    }

    [Fact]
    public void Build_GainOrLossInsideIra_IsNeverAWashSale()
    {
        var taxable = h.Account("Brokerage");
        var ira = h.Account("IRA", type: AccountType.RothIra);
        var vti = h.Instrument("VTI");
        h.Deposit(taxable, Day("2024-01-02"), 10_000m);
        h.Deposit(ira, Day("2024-01-02"), 10_000m);
        h.Buy(taxable, vti, Day("2024-01-02"), 10m, 100m);
        var gainSale = h.Sell(taxable, vti, Day("2024-03-01"), 10m, 110m);
        h.Buy(ira, vti, Day("2024-03-01"), 10m, 100m);
        var iraLoss = h.Sell(ira, vti, Day("2024-04-01"), 10m, 90m);
        h.Buy(taxable, vti, Day("2024-04-02"), 10m, 90m);

        var state = h.BuildState();

        Assert.Equal(0m, Gain(state, gainSale).DisallowedLoss);
        Assert.Equal(0m, Gain(state, iraLoss).DisallowedLoss);
        Assert.Empty(state.WashSales!);
    }

    [Fact]
    public void Build_TwoLossSalesOneReplacement_UsesTheReplacementOnce()
    {
        var account = h.Account("Brokerage");
        var vti = h.Instrument("VTI");
        h.Deposit(account, Day("2024-01-02"), 10_000m);
        h.Buy(account, vti, Day("2024-01-02"), 20m, 100m);
        var first = h.Sell(account, vti, Day("2024-06-03"), 10m, 90m);
        var second = h.Sell(account, vti, Day("2024-06-04"), 10m, 90m);
        var replacement = h.Buy(account, vti, Day("2024-06-10"), 10m, 85m);

        var state = h.BuildState();

        Assert.Equal((100m, 0m), (Gain(state, first).DisallowedLoss, Gain(state, second).DisallowedLoss));
        Assert.Equal(950m, Lot(state, replacement).CostBasis);
    }

    [Fact]
    public void Build_DifferentInstrumentsWithoutTable_AreNotIdentical()
    {
        var (sale, _) = SellOneBuyOther(isin: null);

        Assert.Equal(0m, Gain(h.BuildState(), sale).DisallowedLoss);
    }

    [Fact]
    public void Build_InstrumentsSharingIsin_AreIdentical()
    {
        var (sale, _) = SellOneBuyOther(isin: "US9229087690");

        var state = LedgerBuilder.Build(h.Accounts, h.Transactions, h.Instruments).Expect("replay");

        Assert.Equal(100m, Gain(state, sale).DisallowedLoss);
    }

    [Fact]
    public void Build_HouseholdPair_IsIdentical()
    {
        var (sale, replacement) = SellOneBuyOther(isin: null);
        var options = new LedgerOptions(h.Instruments, [new SubstantiallyIdenticalPair(h.Instruments[1].Id, h.Instruments[0].Id)]);

        var state = LedgerBuilder.Build(h.Accounts, h.Transactions, options, DateOnly.MaxValue).Expect("replay");

        Assert.Equal(100m, Gain(state, sale).DisallowedLoss);
        Assert.Equal(900m, Lot(state, replacement).CostBasis);
        Assert.Equal(h.Instruments[1].Id, state.WashSales!.Single().ReplacementInstrumentId);
    }

    [Fact]
    public void Build_AsOfBeforeTheReplacement_DoesNotYetDisallow()
    {
        var (sale, _) = SellOneBuyOther(isin: null, sameInstrument: true);

        var state = LedgerBuilder.Build(h.Accounts, h.Transactions, Day("2024-06-05")).Expect("replay");

        Assert.Equal(0m, Gain(state, sale).DisallowedLoss);
    }

    /// <summary>Sells 10 units of one instrument at a $100 loss and buys 10 of another (or the same) 5 days later.</summary>
    private (Transaction Sale, Transaction Replacement) SellOneBuyOther(string? isin, bool sameInstrument = false)
    {
        var account = h.Account("Brokerage");
        var sold = h.Instrument("VTI");
        var other = sameInstrument ? sold : h.Instrument("VTI2");
        sold.Isin = isin;
        other.Isin = isin;
        h.Deposit(account, Day("2024-01-02"), 10_000m);
        h.Buy(account, sold, Day("2024-01-02"), 10m, 100m);
        var sale = h.Sell(account, sold, Day("2024-06-01"), 10m, 90m);
        return (sale, h.Buy(account, other, Day("2024-06-06"), 10m, 80m));
    }
}
