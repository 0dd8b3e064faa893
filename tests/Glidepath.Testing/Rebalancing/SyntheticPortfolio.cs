using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Testing.Rebalancing;

/// <summary>Synthetic seeded portfolios (not market data): random accounts, lots, prices, flows, targets and recent trades.</summary>
public static class SyntheticPortfolio
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <param name="lotsPerAccount">At most this many lots per account, or exactly this many when <paramref name="exactLots"/>.</param>
    public static PortfolioSnapshot Create(int seed, int accounts = 3, int lotsPerAccount = 8, bool exactLots = false)
    {
        var random = new Random(seed);
        var classes = new[] { AssetClass.UsEquity, AssetClass.InternationalEquity, AssetClass.Bonds };
        var instruments = Enumerable.Range(0, 6)
            .Select(i => new SnapshotInstrument(Id(1, i), $"I{i}", classes[i % 3], Math.Round(5m + (decimal)random.NextDouble() * 200m, 2)))
            .ToList();
        var list = Enumerable.Range(0, accounts).Select(a => new SnapshotAccount(
            Id(2, a), $"A{a}", random.Next(3) == 0 ? AccountType.RothIra : AccountType.TaxableBrokerage,
            Math.Round((decimal)random.NextDouble() * 5_000m, 2),
            Math.Round(((decimal)random.NextDouble() - 0.3m) * 2_000m, 2) is var flow && flow < 0m ? 0m : flow,
            random.Next(2) == 0,
            RandomLots(random, instruments, a, exactLots ? lotsPerAccount : random.Next(lotsPerAccount + 1)))).ToList();
        var targets = new List<AllocationTarget>
        {
            new(null, instruments[0].Id, null, 0.4m, 0.05m, 0.25m),
            new(null, null, AssetClass.InternationalEquity, 0.2m, 0.05m, 0.25m, instruments[1].Id),
            new(null, null, AssetClass.Bonds, 0.3m, 0.05m, 0.25m, instruments[2].Id),
        };
        var recent = RandomRecentTrades(random, list, instruments);
        return new PortfolioSnapshot(
            AsOf, list, instruments, targets, new RebalanceSettings(MinTradeAmount: 50m, CashBuffer: 100m, CostPerTrade: 1m),
            new TaxRates(0.37m, 0.2m), [new SubstantiallyIdenticalPair(instruments[0].Id, instruments[3].Id)], recent);
    }

    /// <summary>
    /// A household for asset location: taxable, traditional IRA, 401(k), Roth IRA and HSA accounts, some with a
    /// pending withdrawal larger than their cash, household targets for US, international and emerging-markets
    /// equity and bonds, and <see cref="PortfolioSnapshot.AssetLocation"/> on.
    /// </summary>
    public static PortfolioSnapshot CreateHousehold(int seed, int accounts = 4, int lotsPerAccount = 8, bool exactLots = false)
    {
        var random = new Random(seed);
        var classes = new[] { AssetClass.UsEquity, AssetClass.InternationalEquity, AssetClass.Bonds, AssetClass.EmergingMarkets };
        var types = new[] { AccountType.TaxableBrokerage, AccountType.TraditionalIra, AccountType.Plan401K, AccountType.RothIra, AccountType.Hsa };
        var instruments = Enumerable.Range(0, 8)
            .Select(i => new SnapshotInstrument(Id(1, i), $"I{i}", classes[i % classes.Length], Math.Round(5m + (decimal)random.NextDouble() * 200m, 2)))
            .ToList();
        var list = Enumerable.Range(0, accounts).Select(a =>
        {
            var cash = Math.Round((decimal)random.NextDouble() * 5_000m, 2);
            var flow = random.Next(4) switch
            {
                0 => -Math.Round(cash + ((decimal)random.NextDouble() * 3_000m), 2), // a withdrawal larger than the cash
                1 => Math.Round((decimal)random.NextDouble() * 2_000m, 2),
                _ => 0m,
            };
            return new SnapshotAccount(
                Id(2, a), $"A{a}", types[random.Next(types.Length)], cash, flow, random.Next(2) == 0,
                RandomLots(random, instruments, a, exactLots ? lotsPerAccount : random.Next(lotsPerAccount + 1)));
        }).ToList();
        var targets = new List<AllocationTarget>
        {
            new(null, instruments[0].Id, null, 0.35m, 0.05m, 0.25m),
            new(null, null, AssetClass.InternationalEquity, 0.15m, 0.05m, 0.25m, instruments[1].Id),
            new(null, null, AssetClass.Bonds, 0.3m, 0.05m, 0.25m, instruments[2].Id),
            new(null, null, AssetClass.EmergingMarkets, 0.1m, 0.05m, 0.25m, instruments[3].Id),
        };
        var recent = RandomRecentTrades(random, list, instruments);
        return new PortfolioSnapshot(
            AsOf, list, instruments, targets, new RebalanceSettings(MinTradeAmount: 50m, CashBuffer: 100m, CostPerTrade: 1m),
            new TaxRates(0.37m, 0.2m), [new SubstantiallyIdenticalPair(instruments[0].Id, instruments[4].Id)], recent, AssetLocation: true);
    }

    private static List<SnapshotLot> RandomLots(Random random, List<SnapshotInstrument> instruments, int account, int count) =>
        Enumerable.Range(0, count).Select(l =>
        {
            var instrument = instruments[random.Next(instruments.Count)];
            var quantity = random.Next(2) == 0 ? random.Next(1, 100) : Math.Round((decimal)random.NextDouble() * 100m, 4) + 0.0001m;
            var unitCost = instrument.Price * (0.5m + (decimal)random.NextDouble());
            return new SnapshotLot(Id(3, (account * 1_000) + l), instrument.Id, AsOf.AddDays(-random.Next(1, 900)), quantity, Math.Round(quantity * unitCost, 2));
        }).ToList();

    /// <summary>Up to three trades of the last or next 40 days (the wash-sale window's recent and pending trades).</summary>
    private static List<SnapshotTrade> RandomRecentTrades(Random random, List<SnapshotAccount> accounts, List<SnapshotInstrument> instruments) =>
        Enumerable.Range(0, random.Next(4)).Select(_ => new SnapshotTrade(
            accounts[random.Next(accounts.Count)].Id, instruments[random.Next(instruments.Count)].Id, AsOf.AddDays(random.Next(-40, 40)),
            random.Next(2) == 0 ? TradeSide.Buy : TradeSide.Sell, 10m, random.Next(2) * 100m)).ToList();

    private static Guid Id(int kind, int n) => new(n, (short)kind, 0, new byte[8]);
}
