using FsCheck.Xunit;
using Glidepath.Domain.Households;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Testing.Rebalancing;

namespace Glidepath.Domain.Tests.Rebalancing;

/// <summary>Invariants of a proposal over synthetic seeded portfolios.</summary>
public class RebalancerPropertiesTest
{
    [Property(MaxTest = 200)]
    public void Propose_RandomPortfolio_EveryDriftInBandOrExplained(int seed)
    {
        var proposal = Rebalancer.Propose(SyntheticPortfolio.Create(seed));

        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter || !string.IsNullOrWhiteSpace(d.Reason), $"{d}"));
        Assert.All(proposal.Drifts, d => Assert.Equal(Math.Abs(d.After) <= d.Target.Band, d.InBandAfter));
        Assert.All(proposal.Trades, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
    }

    [Property(MaxTest = 200)]
    public void Propose_RandomPortfolio_NeverSellsMoreThanHeldNorLeavesCashNegative(int seed)
    {
        var snapshot = SyntheticPortfolio.Create(seed);
        var proposal = Rebalancer.Propose(snapshot);

        foreach (var account in snapshot.Accounts)
        {
            var trades = proposal.Trades.Where(t => t.AccountId == account.Id).ToList();
            foreach (var sale in trades.Where(t => t.Side == TradeSide.Sell))
            {
                Assert.Equal(sale.Quantity, sale.LotsToSell.Sum(l => l.Quantity));
            }

            foreach (var lot in account.Lots)
            {
                var sold = trades.SelectMany(t => t.LotsToSell).Where(l => l.LotId == lot.LotId).Sum(l => l.Quantity);
                Assert.True(sold <= lot.Quantity, $"lot {lot.LotId}: sold {sold} of {lot.Quantity}");
            }

            var cash = account.Cash + account.PendingCashFlow
                + trades.Sum(t => (t.Side == TradeSide.Sell ? 1m : -1m) * t.Quantity * t.Price) - (trades.Count * snapshot.Settings.CostPerTrade);
            Assert.True(cash >= 0m, $"account {account.Name}: cash {cash}");
        }
    }

    [Property(MaxTest = 200)]
    public void Propose_RandomPortfolio_CreatesNoWashSale(int seed)
    {
        var snapshot = SyntheticPortfolio.Create(seed);
        var proposal = Rebalancer.Propose(snapshot);
        var identical = new SubstantiallyIdenticalSecurities([], snapshot.SubstantiallyIdentical);
        var taxable = snapshot.Accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
        var (from, to) = (snapshot.AsOf.AddDays(-30), snapshot.AsOf.AddDays(30));
        var window = snapshot.RecentAndScheduledTrades.Where(t => t.Date >= from && t.Date <= to).ToList();

        var lossSales = proposal.Trades
            .Where(t => taxable.Contains(t.AccountId) && t.LotsToSell.Any(l => l.Gain < 0m))
            .SelectMany(t => t.LotsToSell.Where(l => l.Gain < 0m).Select(l => (Group: identical.GroupOf(t.InstrumentId), l.LotId)))
            .ToList();
        var buys = proposal.Trades.Where(t => t.Side == TradeSide.Buy).Select(t => identical.GroupOf(t.InstrumentId)).ToHashSet();
        var recentBuys = window.Where(t => t.Side == TradeSide.Buy).Select(t => identical.GroupOf(t.InstrumentId)).ToHashSet();
        var recentLots = snapshot.Accounts.SelectMany(a => a.Lots).Where(l => l.AcquiredDate >= from).ToList();
        var recentLossSales = window
            .Where(t => t.Side == TradeSide.Sell && t.Loss > 0m && t.Date <= snapshot.AsOf && taxable.Contains(t.AccountId))
            .Select(t => identical.GroupOf(t.InstrumentId)).ToHashSet();

        foreach (var (group, lotId) in lossSales)
        {
            Assert.DoesNotContain(group, buys);
            Assert.DoesNotContain(group, recentBuys);
            Assert.DoesNotContain(recentLots, l => identical.GroupOf(l.InstrumentId) == group && l.LotId != lotId);
        }

        Assert.All(buys, g => Assert.DoesNotContain(g, recentLossSales));
    }
}
