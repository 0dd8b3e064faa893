using FsCheck.Xunit;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Testing.Rebalancing;

namespace Glidepath.Domain.Tests.Rebalancing;

/// <summary>Invariants of a proposal over synthetic seeded portfolios: per account, and household-wide with asset location.</summary>
public class RebalancerPropertiesTest
{
    [Property(MaxTest = 200)]
    public void Propose_RandomPortfolio_EveryDriftInBandOrExplained(int seed) => EveryDriftInBandOrExplained(SyntheticPortfolio.Create(seed));

    [Property(MaxTest = 200)]
    public void Propose_RandomPortfolio_NeverSellsMoreThanHeldNorLeavesCashNegative(int seed) => NeverSellsMoreThanHeldNorLeavesCashNegative(SyntheticPortfolio.Create(seed));

    [Property(MaxTest = 200)]
    public void Propose_RandomPortfolio_CreatesNoWashSale(int seed) => CreatesNoWashSale(SyntheticPortfolio.Create(seed));

    [Property(MaxTest = 200)]
    public void Propose_RandomHouseholdWithAssetLocation_EveryDriftInBandOrExplained(int seed)
    {
        var snapshot = SyntheticPortfolio.CreateHousehold(seed);
        var proposal = EveryDriftInBandOrExplained(snapshot);

        // Household targets are measured once, on the household's total.
        Assert.Equal(snapshot.Targets.Count, proposal.Drifts.Count);
        Assert.All(proposal.Drifts, d => Assert.Equal(Guid.Empty, d.AccountId));
    }

    [Property(MaxTest = 200)]
    public void Propose_RandomHouseholdWithAssetLocation_NeverSellsMoreThanHeldNorLeavesCashNegative(int seed) =>
        NeverSellsMoreThanHeldNorLeavesCashNegative(SyntheticPortfolio.CreateHousehold(seed));

    [Property(MaxTest = 200)]
    public void Propose_RandomHouseholdWithAssetLocation_CreatesNoWashSale(int seed) => CreatesNoWashSale(SyntheticPortfolio.CreateHousehold(seed));

    [Property(MaxTest = 200)]
    public void Propose_RandomHouseholdWithAssetLocation_TradesNeverMoveMoneyBetweenAccounts(int seed)
    {
        var snapshot = SyntheticPortfolio.CreateHousehold(seed);
        var proposal = Rebalancer.Propose(snapshot);

        // Each trade is in an account of the snapshot and sells only that account's lots.
        foreach (var trade in proposal.Trades)
        {
            var account = Assert.Single(snapshot.Accounts, a => a.Id == trade.AccountId);
            Assert.All(trade.LotsToSell, l => Assert.Contains(account.Lots, lot => lot.LotId == l.LotId && lot.InstrumentId == trade.InstrumentId));
        }
    }

    /// <summary>
    /// Bonds end in tax-deferred accounts whenever those have room: if the household is short of its bond
    /// target, or a tax-free account holds bonds, then no tax-deferred account still holds other targeted
    /// assets (beyond what whole units, the minimum trade and costs leave). Skipped when buying bonds would be a wash sale.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Propose_RandomHouseholdWithAssetLocation_BondsGoToTaxDeferredAccountsFirst(int seed)
    {
        var snapshot = SyntheticPortfolio.CreateHousehold(seed);
        var proposal = Rebalancer.Propose(snapshot);
        var identical = new SubstantiallyIdenticalSecurities([], snapshot.SubstantiallyIdentical);
        var prices = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Price);
        var bonds = snapshot.Instruments.Where(i => i.AssetClass == AssetClass.Bonds).Select(i => i.Id).ToHashSet();
        var bondGroups = bonds.Select(identical.GroupOf).ToHashSet();
        if (snapshot.RecentAndScheduledTrades.Any(t => t.Side == TradeSide.Sell && bondGroups.Contains(identical.GroupOf(t.InstrumentId)))
            || proposal.Trades.Any(t => t.LotsToSell.Any(l => l.Gain < 0m) && bondGroups.Contains(identical.GroupOf(t.InstrumentId))))
        {
            return;
        }

        var targeted = snapshot.Targets.Select(t => t.InstrumentId).OfType<Guid>()
            .Concat(snapshot.Instruments.Where(i => i.AssetClass is AssetClass.InternationalEquity or AssetClass.Bonds or AssetClass.EmergingMarkets).Select(i => i.Id))
            .ToHashSet();
        var held = snapshot.Accounts.ToDictionary(a => a.Id, a => After(a, proposal));
        var value = snapshot.Accounts.Sum(a => a.Cash + a.PendingCashFlow + held[a.Id].Sum(h => h.Value * prices[h.Key]))
            - proposal.Trades.Sum(t => snapshot.Settings.CostPerTrade);
        decimal Worth(Guid accountId, Func<Guid, bool> which) => held[accountId].Where(h => which(h.Key)).Sum(h => h.Value * prices[h.Key]);
        decimal Tolerance(SnapshotAccount a) => ((a.Lots.Count + snapshot.Instruments.Count) * prices.Values.Max()) + (2m * snapshot.Settings.MinTradeAmount) + 20m;

        var bondTarget = snapshot.Targets.Single(t => t.AssetClass == AssetClass.Bonds);
        var householdBonds = snapshot.Accounts.Sum(a => Worth(a.Id, bonds.Contains));
        var slack = snapshot.Accounts.Sum(Tolerance);
        var taxFreeBonds = snapshot.Accounts.Where(a => AssetLocation.TreatmentOf(a.Type) == TaxTreatment.TaxFree).Sum(a => Worth(a.Id, bonds.Contains));
        if (householdBonds < (bondTarget.Weight * value) - slack || taxFreeBonds > slack)
        {
            foreach (var deferred in snapshot.Accounts.Where(a => AssetLocation.TreatmentOf(a.Type) == TaxTreatment.TaxDeferred))
            {
                var others = Worth(deferred.Id, id => targeted.Contains(id) && !bonds.Contains(id));
                Assert.True(others <= Tolerance(deferred), $"{deferred.Name} still holds {others} of other assets; household bonds {householdBonds} of {bondTarget.Weight * value}, tax-free bonds {taxFreeBonds}");
            }
        }
    }

    private static RebalanceProposal EveryDriftInBandOrExplained(PortfolioSnapshot snapshot)
    {
        var proposal = Rebalancer.Propose(snapshot);

        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter || !string.IsNullOrWhiteSpace(d.Reason), $"{d}"));
        Assert.All(proposal.Drifts, d => Assert.Equal(Math.Abs(d.After) <= d.Target.Band, d.InBandAfter));
        Assert.All(proposal.Trades, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
        return proposal;
    }

    /// <summary>No lot sold beyond its quantity; cash never ends below zero unless a pending withdrawal already took it there, and then a warning says so.</summary>
    private static void NeverSellsMoreThanHeldNorLeavesCashNegative(PortfolioSnapshot snapshot)
    {
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

            var start = account.Cash + account.PendingCashFlow;
            var cash = start + trades.Sum(t => (t.Side == TradeSide.Sell ? 1m : -1m) * t.Quantity * t.Price) - (trades.Count * snapshot.Settings.CostPerTrade);
            Assert.True(cash >= Math.Min(0m, start), $"account {account.Name}: cash {cash} from {start}");
            if (cash < 0m)
            {
                Assert.Contains(proposal.Warnings ?? [], w => w.StartsWith(account.Name + ":", StringComparison.Ordinal));
            }
        }
    }

    private static void CreatesNoWashSale(PortfolioSnapshot snapshot)
    {
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

    /// <summary>Units held per instrument after the proposal's trades.</summary>
    private static Dictionary<Guid, decimal> After(SnapshotAccount account, RebalanceProposal proposal)
    {
        var held = account.Lots.GroupBy(l => l.InstrumentId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        foreach (var trade in proposal.Trades.Where(t => t.AccountId == account.Id))
        {
            held[trade.InstrumentId] = held.GetValueOrDefault(trade.InstrumentId) + (trade.Side == TradeSide.Buy ? trade.Quantity : -trade.Quantity);
        }

        return held;
    }
}
