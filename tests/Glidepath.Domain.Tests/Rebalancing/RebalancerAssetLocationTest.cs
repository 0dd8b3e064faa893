using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Tests.Rebalancing;

/// <summary>Household targets across accounts with asset location, and cash raised for a pending withdrawal (hand-worked cases).</summary>
public class RebalancerAssetLocationTest
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly SnapshotInstrument Vti = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "VTI", AssetClass.UsEquity, 100m);
    private static readonly SnapshotInstrument Bnd = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "BND", AssetClass.Bonds, 50m);
    private static readonly Guid TaxableId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid IraId = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid RothId = Guid.Parse("00000000-0000-0000-0000-0000000000a3");

    /// <summary>
    /// Taxable: 100 VTI ($10,000). Traditional IRA: 100 VTI ($10,000). Roth: $5,000 cash. 60/40 of $25,000:
    /// bonds need $10,000, US equity $15,000 of which the taxable account holds $10,000. Bonds fill the IRA
    /// (sell 100 VTI, buy 200 BND); the other $5,000 of VTI goes to the Roth (50 VTI); the taxable account does not trade.
    /// </summary>
    [Fact]
    public void Propose_AssetLocation_PutsBondsInTheIraAndTradesNothingInTaxable()
    {
        var snapshot = Household(
            [Lot(1, Vti, 100m, 5_000m)], taxableCash: 0m,
            [Lot(2, Vti, 100m, 12_000m)], rothCash: 5_000m,
            band: 0.05m) with
        { AssetLocation = true };

        var proposal = Rebalancer.Propose(snapshot);

        Assert.DoesNotContain(proposal.Trades, t => t.AccountId == TaxableId);
        Assert.Equal(
            [(IraId, TradeSide.Sell, Vti.Id, 100m), (IraId, TradeSide.Buy, Bnd.Id, 200m), (RothId, TradeSide.Buy, Vti.Id, 50m)],
            proposal.Trades.Select(t => (t.AccountId, t.Side, t.InstrumentId, t.Quantity)));
        var bondBuy = proposal.Trades[1];
        Assert.Equal("Buys bonds (BND) in Rollover (traditional IRA): tax-inefficient asset placed in a tax-deferred account.", bondBuy.Reason);
        Assert.Contains("tax-efficient equity placed in a tax-free account, because the taxable accounts have no room left for it", proposal.Trades[2].Reason, StringComparison.Ordinal);
        Assert.Contains("realises no tax", proposal.Trades[0].Reason, StringComparison.Ordinal);

        // IRA sales realise no tax; drifts are measured on the household.
        Assert.Equal(0m, proposal.EstimatedTax);
        Assert.All(proposal.Drifts, d => Assert.Equal((Guid.Empty, true), (d.AccountId, d.InBandAfter)));
        Assert.Equal([0.2m, -0.4m], proposal.Drifts.Select(d => d.Before));
        Assert.Equal([0m, 0m], proposal.Drifts.Select(d => d.After));
    }

    [Fact]
    public void Propose_WithoutAssetLocation_RunsEachAccountAgainstTheTargets()
    {
        var snapshot = Household([Lot(1, Vti, 100m, 5_000m)], taxableCash: 0m, [Lot(2, Vti, 100m, 12_000m)], rothCash: 5_000m, band: 0.05m);

        var proposal = Rebalancer.Propose(snapshot);

        // Three accounts x two targets, each measured on its own account; the taxable account sells at a gain.
        Assert.Equal(6, proposal.Drifts.Count);
        Assert.Contains(proposal.Trades, t => t.AccountId == TaxableId && t.Side == TradeSide.Sell);
    }

    /// <summary>
    /// Taxable: 300 BND ($15,000, bought at $40: a gain). IRA: 50 VTI ($5,000). 60/40 of $20,000. Nothing can
    /// relocate (the IRA already holds only VTI): bonds sit 35 points over target. With a 5-point band the
    /// taxable account sells 140 BND ($7,000) and buys 70 VTI; with a 40-point band it keeps its lots.
    /// </summary>
    [Theory]
    [InlineData(0.05, 140)]
    [InlineData(0.4, 0)]
    public void Propose_AssetLocation_SellsTaxableLotsOnlyToBringDriftInsideTheBand(double band, int bondsSold)
    {
        var snapshot = Household([Lot(1, Bnd, 300m, 12_000m)], taxableCash: 0m, [Lot(2, Vti, 50m, 4_000m)], rothCash: 0m, band: (decimal)band, relativeBand: 1m)
            with
        { AssetLocation = true };

        var proposal = Rebalancer.Propose(snapshot);

        var taxable = proposal.Trades.Where(t => t.AccountId == TaxableId).ToList();
        Assert.Equal(bondsSold, taxable.Where(t => t.Side == TradeSide.Sell).Sum(t => t.Quantity));
        Assert.DoesNotContain(proposal.Trades, t => t.AccountId != TaxableId);
        if (bondsSold > 0)
        {
            Assert.Equal((TradeSide.Buy, Vti.Id, 70m), (taxable[1].Side, taxable[1].InstrumentId, taxable[1].Quantity));
            Assert.Equal(140m * 10m, taxable[0].LongTermGain);
            Assert.Contains("beyond its 5.0 % band", taxable[0].Reason, StringComparison.Ordinal);
        }

        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter));
    }

    /// <summary>
    /// $100,000 in one account (600 VTI, 800 BND), $200 cash, a $1,000 withdrawal pending. Both targets are inside
    /// their bands, so only the withdrawal sells: $800 of the most overweight target (VTI), the loss lot first.
    /// </summary>
    [Fact]
    public void Propose_WithdrawalLargerThanCash_SellsTheShortfallLossesFirst()
    {
        var gainLot = Lot(1, Vti, 590m, 30_000m);
        var lossLot = Lot(2, Vti, 10m, 1_200m);
        var snapshot = Single([gainLot, lossLot, Lot(3, Bnd, 800m, 40_000m)], cash: 200m, pending: -1_000m);

        var proposal = Rebalancer.Propose(snapshot);

        var sale = Assert.Single(proposal.Trades);
        Assert.Equal((TradeSide.Sell, Vti.Id, 8m), (sale.Side, sale.InstrumentId, sale.Quantity));
        Assert.Equal([(lossLot.LotId, 8m)], sale.LotsToSell.Select(l => (l.LotId, l.Quantity)));
        Assert.Equal(-160m, sale.ShortTermGain);
        Assert.Contains("pending withdrawal of 1,000.00", sale.Reason, StringComparison.Ordinal);
        Assert.Empty(proposal.Warnings ?? []);
    }

    [Fact]
    public void Propose_WithdrawalNoTargetedHoldingCovers_WarnsAndTradesNothing()
    {
        var other = new SnapshotInstrument(Guid.Parse("00000000-0000-0000-0000-000000000003"), "GLD", AssetClass.Commodities, 10m);
        var snapshot = Single([Lot(1, other, 100m, 1_000m)], cash: 100m, pending: -500m) with { Instruments = [Vti, Bnd, other] };

        var proposal = Rebalancer.Propose(snapshot);

        Assert.Empty(proposal.Trades);
        Assert.Equal("Brokerage: a pending withdrawal of 500.00 leaves cash at -400.00; the holdings in its targets cannot cover it (holdings in no target are left alone).", Assert.Single(proposal.Warnings!));
    }

    private static SnapshotLot Lot(int n, SnapshotInstrument instrument, decimal quantity, decimal basis) =>
        new(new Guid(n, 0, 0, new byte[8]), instrument.Id, AsOf.AddDays(-800 + (n == 2 ? 600 : 0)), quantity, basis);

    private static PortfolioSnapshot Household(
        IReadOnlyList<SnapshotLot> taxableLots, decimal taxableCash, IReadOnlyList<SnapshotLot> iraLots, decimal rothCash, decimal band, decimal relativeBand = 0.25m) => new(
        AsOf,
        [
            new SnapshotAccount(TaxableId, "Brokerage", AccountType.TaxableBrokerage, taxableCash, 0m, false, taxableLots),
            new SnapshotAccount(IraId, "Rollover", AccountType.TraditionalIra, 0m, 0m, false, iraLots),
            new SnapshotAccount(RothId, "Roth", AccountType.RothIra, rothCash, 0m, false, []),
        ],
        [Vti, Bnd],
        [new AllocationTarget(null, Vti.Id, null, 0.6m, band, relativeBand), new AllocationTarget(null, null, AssetClass.Bonds, 0.4m, band, relativeBand, Bnd.Id)],
        new RebalanceSettings(MinTradeAmount: 50m, CashBuffer: 0m, CostPerTrade: 0m),
        new TaxRates(0.35m, 0.15m),
        [],
        []);

    private static PortfolioSnapshot Single(IReadOnlyList<SnapshotLot> lots, decimal cash, decimal pending) => new(
        AsOf,
        [new SnapshotAccount(TaxableId, "Brokerage", AccountType.TaxableBrokerage, cash, pending, false, lots)],
        [Vti, Bnd],
        [new AllocationTarget(null, Vti.Id, null, 0.6m, 0.05m, 0.25m), new AllocationTarget(null, Bnd.Id, null, 0.4m, 0.05m, 0.25m)],
        new RebalanceSettings(MinTradeAmount: 50m, CashBuffer: 0m, CostPerTrade: 0m),
        new TaxRates(0.35m, 0.15m),
        [],
        []);
}
