using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Tests.Properties;
using Glidepath.Testing.Rebalancing;
using Xunit.Abstractions;

namespace Glidepath.Domain.Tests.Rebalancing;

/// <summary>
/// Invariants of a proposal over synthetic seeded portfolios: per account, and household-wide with asset location.
/// Seeds cover the whole int range; each property returns whether the case asserted anything (a proposal with no
/// trade cannot break a rule about trades) and must assert in at least <see cref="MinimumAsserting"/> of its cases
/// (<see cref="SeededProperty"/>, printed to the test output).
/// </summary>
public class RebalancerPropertiesTest(ITestOutputHelper output)
{
    private const int Cases = 300;
    private const double MinimumAsserting = 0.9;

    private void Check(string name, Func<int, bool> property) => SeededProperty.Check(output, name, Cases, MinimumAsserting, property);

    [Fact]
    public void Propose_RandomPortfolio_EveryDriftInBandOrExplained() =>
        Check(nameof(Propose_RandomPortfolio_EveryDriftInBandOrExplained), seed => EveryDriftInBandOrExplained(SyntheticPortfolio.Create(seed)).Drifts.Count > 0);

    [Fact]
    public void Propose_RandomPortfolio_NeverSellsMoreThanHeldNorLeavesCashNegative() =>
        Check(nameof(Propose_RandomPortfolio_NeverSellsMoreThanHeldNorLeavesCashNegative), seed => NeverSellsMoreThanHeldNorLeavesCashNegative(SyntheticPortfolio.Create(seed)));

    [Fact]
    public void Propose_RandomPortfolio_CreatesNoWashSale() =>
        Check(nameof(Propose_RandomPortfolio_CreatesNoWashSale), seed => CreatesNoWashSale(WithRecentLossSale(SyntheticPortfolio.Create(seed), seed)));

    [Fact]
    public void Propose_RandomHouseholdWithAssetLocation_EveryDriftInBandOrExplained() =>
        Check(nameof(Propose_RandomHouseholdWithAssetLocation_EveryDriftInBandOrExplained), seed =>
        {
            var snapshot = SyntheticPortfolio.CreateHousehold(seed);
            var proposal = EveryDriftInBandOrExplained(snapshot);

            // Household targets are measured once, on the household's total.
            Assert.Equal(snapshot.Targets.Count, proposal.Drifts.Count);
            Assert.All(proposal.Drifts, d => Assert.Equal(Guid.Empty, d.AccountId));
            return true;
        });

    [Fact]
    public void Propose_RandomHouseholdWithAssetLocation_NeverSellsMoreThanHeldNorLeavesCashNegative() =>
        Check(nameof(Propose_RandomHouseholdWithAssetLocation_NeverSellsMoreThanHeldNorLeavesCashNegative), seed => NeverSellsMoreThanHeldNorLeavesCashNegative(SyntheticPortfolio.CreateHousehold(seed)));

    [Fact]
    public void Propose_RandomHouseholdWithAssetLocation_CreatesNoWashSale() =>
        Check(nameof(Propose_RandomHouseholdWithAssetLocation_CreatesNoWashSale), seed => CreatesNoWashSale(WithRecentLossSale(SyntheticPortfolio.CreateHousehold(seed), seed)));

    [Fact]
    public void Propose_RandomHouseholdWithAssetLocation_TradesNeverMoveMoneyBetweenAccounts() =>
        Check(nameof(Propose_RandomHouseholdWithAssetLocation_TradesNeverMoveMoneyBetweenAccounts), seed =>
        {
            var snapshot = SyntheticPortfolio.CreateHousehold(seed);
            var proposal = Rebalancer.Propose(snapshot);

            // Each trade is in an account of the snapshot and sells only that account's lots.
            foreach (var trade in proposal.Trades)
            {
                var account = Assert.Single(snapshot.Accounts, a => a.Id == trade.AccountId);
                Assert.All(trade.LotsToSell, l => Assert.Contains(account.Lots, lot => lot.LotId == l.LotId && lot.InstrumentId == trade.InstrumentId));
            }

            return proposal.Trades.Count > 0;
        });

    /// <summary>
    /// Bonds end in tax-deferred accounts whenever those have room: if the household is short of its bond
    /// target, or a tax-free account holds bonds, then no tax-deferred account still holds other targeted
    /// assets (beyond what whole units, the minimum trade and costs leave). Vacuous when buying bonds would be
    /// a wash sale, or when neither condition holds, so the households have more bonds, at a gain, in a tax-free
    /// account than their tax-deferred accounts can take, and no recent bond sale.
    /// </summary>
    [Fact]
    public void Propose_RandomHouseholdWithAssetLocation_BondsGoToTaxDeferredAccountsFirst() =>
        Check(nameof(Propose_RandomHouseholdWithAssetLocation_BondsGoToTaxDeferredAccountsFirst), seed => BondsGoToTaxDeferredAccountsFirst(WithBondsToRelocate(SyntheticPortfolio.CreateHousehold(seed), seed)));

    /// <summary>The first account made taxable, with a loss sale of a random instrument in the last 30 days: the wash-sale rules then bind on every buy of its group.</summary>
    private static PortfolioSnapshot WithRecentLossSale(PortfolioSnapshot snapshot, int seed)
    {
        var random = new Random(seed ^ 0x5EED);
        var taxable = snapshot.Accounts[0] with { Type = AccountType.TaxableBrokerage };
        var sold = snapshot.Instruments[random.Next(snapshot.Instruments.Count)];
        return snapshot with
        {
            Accounts = [taxable, .. snapshot.Accounts.Skip(1)],
            RecentAndScheduledTrades = [.. snapshot.RecentAndScheduledTrades, new SnapshotTrade(taxable.Id, sold.Id, snapshot.AsOf.AddDays(-random.Next(1, 31)), TradeSide.Sell, 10m, 100m)],
        };
    }

    /// <summary>
    /// The first account a Roth IRA holding 150,000-300,000 of bonds, the second the only tax-deferred account (a
    /// traditional IRA), too small to take the household's bonds; every bond lot at a gain and no recent sale of bonds,
    /// so relocating bonds is never a wash sale and the tax-free account keeps bonds.
    /// </summary>
    private static PortfolioSnapshot WithBondsToRelocate(PortfolioSnapshot snapshot, int seed)
    {
        var random = new Random(seed ^ 0xB0D5);
        var prices = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Price);
        var bonds = snapshot.Instruments.Where(i => i.AssetClass == AssetClass.Bonds).Select(i => i.Id).ToHashSet();
        var bond = snapshot.Instruments.First(i => bonds.Contains(i.Id));
        var quantity = Math.Round((150_000m + (decimal)random.NextDouble() * 150_000m) / bond.Price, 0);
        var atGain = snapshot.Accounts.Select(a => a with
        {
            Type = AssetLocation.TreatmentOf(a.Type) == TaxTreatment.TaxDeferred ? AccountType.TaxableBrokerage : a.Type,
            Lots = [.. a.Lots.Select(l => bonds.Contains(l.InstrumentId) ? l with { CostBasis = Math.Min(l.CostBasis, Math.Round(l.Quantity * prices[l.InstrumentId] * 0.9m, 2)) } : l)],
        }).ToList();
        atGain[0] = atGain[0] with
        {
            Type = AccountType.RothIra,
            Lots = [.. atGain[0].Lots, new SnapshotLot(new Guid(0xB0D5, 0, 0, new byte[8]), bond.Id, snapshot.AsOf.AddDays(-random.Next(400, 900)), quantity, Math.Round(quantity * bond.Price * 0.8m, 2))],
        };
        atGain[1] = atGain[1] with { Type = AccountType.TraditionalIra };
        return snapshot with
        {
            Accounts = atGain,
            RecentAndScheduledTrades = [.. snapshot.RecentAndScheduledTrades.Where(t => !(t.Side == TradeSide.Sell && bonds.Contains(t.InstrumentId)))],
        };
    }

    private static bool BondsGoToTaxDeferredAccountsFirst(PortfolioSnapshot snapshot)
    {
        var proposal = Rebalancer.Propose(snapshot);
        var identical = new SubstantiallyIdenticalSecurities([], snapshot.SubstantiallyIdentical);
        var prices = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Price);
        var bonds = snapshot.Instruments.Where(i => i.AssetClass == AssetClass.Bonds).Select(i => i.Id).ToHashSet();
        var bondGroups = bonds.Select(identical.GroupOf).ToHashSet();
        if (snapshot.RecentAndScheduledTrades.Any(t => t.Side == TradeSide.Sell && bondGroups.Contains(identical.GroupOf(t.InstrumentId)))
            || proposal.Trades.Any(t => t.LotsToSell.Any(l => l.Gain < 0m) && bondGroups.Contains(identical.GroupOf(t.InstrumentId))))
        {
            return false;
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
        if (householdBonds >= (bondTarget.Weight * value) - slack && taxFreeBonds <= slack)
        {
            return false;
        }

        foreach (var deferred in snapshot.Accounts.Where(a => AssetLocation.TreatmentOf(a.Type) == TaxTreatment.TaxDeferred))
        {
            var others = Worth(deferred.Id, id => targeted.Contains(id) && !bonds.Contains(id));
            Assert.True(others <= Tolerance(deferred), $"{deferred.Name} still holds {others} of other assets; household bonds {householdBonds} of {bondTarget.Weight * value}, tax-free bonds {taxFreeBonds}");
        }

        return true;
    }

    private static RebalanceProposal EveryDriftInBandOrExplained(PortfolioSnapshot snapshot)
    {
        var proposal = Rebalancer.Propose(snapshot);

        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter || !string.IsNullOrWhiteSpace(d.Reason), $"{d}"));
        Assert.All(proposal.Drifts, d => Assert.Equal(Math.Abs(d.After) <= d.Target.Band, d.InBandAfter));
        Assert.All(proposal.Trades, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
        return proposal;
    }

    /// <summary>
    /// No lot sold beyond its quantity; cash never ends below zero unless a pending withdrawal already took it there,
    /// and then a warning says so. Asserts something when the proposal trades.
    /// </summary>
    private static bool NeverSellsMoreThanHeldNorLeavesCashNegative(PortfolioSnapshot snapshot)
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

        return proposal.Trades.Count > 0;
    }

    /// <summary>No loss sale meets a buy of its group in the window, nor a buy a recent loss sale; asserts something when the proposal sells at a loss or buys.</summary>
    private static bool CreatesNoWashSale(PortfolioSnapshot snapshot)
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
        return lossSales.Count > 0 || (buys.Count > 0 && recentLossSales.Count > 0);
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
