using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Tests.Rebalancing;

public class RebalancerTest
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly SnapshotInstrument Stocks = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "VTI", AssetClass.UsEquity, 100m);
    private static readonly SnapshotInstrument Bonds = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "BND", AssetClass.Bonds, 50m);
    private static readonly Guid AccountId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    [Fact]
    public void Propose_DriftInsideBand_ProducesNoTrades()
    {
        var proposal = Rebalancer.Propose(Snapshot(stocks: 62m, bonds: 76m, cash: 0m));

        Assert.Empty(proposal.Trades);
        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter));
    }

    [Fact]
    public void Propose_StocksOverweight_SellsLossLotFirstThenLongTermAndBuysBonds()
    {
        // 80 VTI ($8,000) and 40 BND ($2,000): 80/20 against 60/40; sell $2,000 of VTI, buy $2,000 of BND.
        var lots = new[]
        {
            new SnapshotLot(Guid.Parse("00000000-0000-0000-0000-0000000000b1"), Stocks.Id, AsOf.AddDays(-100), 40m, 3_200m), // short-term gain
            new SnapshotLot(Guid.Parse("00000000-0000-0000-0000-0000000000b2"), Stocks.Id, AsOf.AddDays(-800), 30m, 1_500m), // long-term gain
            new SnapshotLot(Guid.Parse("00000000-0000-0000-0000-0000000000b3"), Stocks.Id, AsOf.AddDays(-200), 10m, 1_200m), // loss
            new SnapshotLot(Guid.Parse("00000000-0000-0000-0000-0000000000b4"), Bonds.Id, AsOf.AddDays(-800), 40m, 2_000m),
        };

        var proposal = Rebalancer.Propose(Snapshot(lots, cash: 0m));

        var sale = proposal.Trades[0];
        Assert.Equal((TradeSide.Sell, 20m), (sale.Side, sale.Quantity));
        Assert.Equal([(lots[2].LotId, 10m), (lots[1].LotId, 10m)], sale.LotsToSell.Select(l => (l.LotId, l.Quantity)));
        Assert.Equal((-200m, 500m), (sale.ShortTermGain, sale.LongTermGain));
        var buy = proposal.Trades[1];
        Assert.Equal((TradeSide.Buy, Bonds.Id, 40m), (buy.Side, buy.InstrumentId, buy.Quantity));
        Assert.Equal((-200m * 0.35m) + (500m * 0.15m), proposal.EstimatedTax);
        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter));
    }

    [Fact]
    public void Propose_LossLotWithRecentPurchase_SkipsItAndSaysWhy()
    {
        var lots = new[]
        {
            new SnapshotLot(Guid.Parse("00000000-0000-0000-0000-0000000000b3"), Stocks.Id, AsOf.AddDays(-200), 80m, 9_600m), // loss
            new SnapshotLot(Guid.Parse("00000000-0000-0000-0000-0000000000b4"), Bonds.Id, AsOf.AddDays(-800), 40m, 2_000m),
        };
        var snapshot = Snapshot(lots, cash: 0m) with { RecentAndScheduledTrades = [new SnapshotTrade(AccountId, Stocks.Id, AsOf.AddDays(10), TradeSide.Buy, 1m)] };

        var proposal = Rebalancer.Propose(snapshot);

        Assert.DoesNotContain(proposal.Trades, t => t.Side == TradeSide.Sell);
        Assert.Contains("wash sale", proposal.Drifts.First(d => !d.InBandAfter).Reason, StringComparison.Ordinal);
    }

    private static PortfolioSnapshot Snapshot(decimal stocks, decimal bonds, decimal cash) => Snapshot(
        [new SnapshotLot(Guid.NewGuid(), Stocks.Id, AsOf.AddDays(-800), stocks, stocks * 80m), new SnapshotLot(Guid.NewGuid(), Bonds.Id, AsOf.AddDays(-800), bonds, bonds * 50m)],
        cash);

    private static PortfolioSnapshot Snapshot(IReadOnlyList<SnapshotLot> lots, decimal cash) => new(
        AsOf,
        [new SnapshotAccount(AccountId, "Brokerage", AccountType.TaxableBrokerage, cash, 0m, false, lots)],
        [Stocks, Bonds],
        [new AllocationTarget(null, Stocks.Id, null, 0.6m, 0.05m, 0.25m), new AllocationTarget(null, Bonds.Id, null, 0.4m, 0.05m, 0.25m)],
        new RebalanceSettings(MinTradeAmount: 50m, CashBuffer: 0m, CostPerTrade: 0m),
        new TaxRates(0.35m, 0.15m),
        [],
        []);
}
