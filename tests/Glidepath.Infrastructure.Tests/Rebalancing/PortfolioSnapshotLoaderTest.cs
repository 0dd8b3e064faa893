using System.Text.Json;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Glidepath.Testing.Databases;
using static Glidepath.Infrastructure.Tests.Ledger.LedgerTestHousehold;

namespace Glidepath.Infrastructure.Tests.Rebalancing;

public sealed class PortfolioSnapshotLoaderTest
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>
    /// Every part of the snapshot comes from its table: lots (with a wash sale's tacked holding period),
    /// cash, pending cash (a deposit dated after the date), latest closes, targets, tax profile, the
    /// replacement table, marked pairs and the 30-day windows. The engines then give the same answer
    /// on the loaded snapshot as on its JSON file.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Load_StoredHousehold_HoldsEveryInputAndRunsLikeItsFile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var (vti, vxus, bnd) = (data.Instruments[0], data.Instruments[1], data.Instruments[2]);
        data.Ira.WholeSharesOnly = true;
        db.Prices.AddRange(
            new PriceClose(vti.Id, AsOf.AddDays(-10), 999m), new PriceClose(vti.Id, AsOf.AddDays(-1), 250m), new PriceClose(vti.Id, AsOf.AddDays(1), 1m),
            new PriceClose(vxus.Id, AsOf, 60m), new PriceClose(bnd.Id, AsOf, 70m));
        db.TaxProfiles.Add(new HouseholdTaxProfile
        {
            HouseholdId = data.Household.Id,
            ShortTermRate = 0.37m,
            LongTermRate = 0.2m,
            MinTradeAmount = 100m,
            CashBuffer = 50m,
            CostPerTrade = 1m,
            HarvestMinLoss = 200m,
            HarvestMinLossFraction = 0.05m,
            SwapBackLargeGain = 500m,
        });
        db.RebalanceTargets.AddRange(
            new RebalanceTarget { HouseholdId = data.Household.Id, AssetClass = AssetClass.UsEquity, Weight = 0.6m, AbsoluteBand = 0.05m, RelativeBand = 0.25m, BuyInstrumentId = vti.Id },
            new RebalanceTarget { HouseholdId = data.Household.Id, AccountId = data.Taxable.Id, InstrumentId = bnd.Id, Weight = 0.4m, AbsoluteBand = 0.05m, RelativeBand = 0.25m });
        db.Replacements.Add(new HouseholdReplacement { HouseholdId = data.Household.Id, InstrumentId = vti.Id, ReplacementId = vxus.Id, Rank = 1 });
        await db.SaveChangesAsync();

        var ledger = new LedgerStore(db);
        var lossSale = NoFee(Trade(data.Taxable, TransactionType.Sell, vxus, AsOf.AddDays(-20), 10m, 60m));
        var replacement = NoFee(Trade(data.Taxable, TransactionType.Buy, vxus, AsOf.AddDays(-5), 10m, 61m));
        var scheduled = NoFee(Trade(data.Ira, TransactionType.Buy, bnd, AsOf.AddDays(10), 1m, 70m));
        Assert.True((await ledger.AddTransactionsAsync([
            Deposit(data.Taxable, new DateOnly(2024, 1, 2), 20_000m),
            Deposit(data.Ira, new DateOnly(2024, 1, 2), 5_000m),
            NoFee(Trade(data.Taxable, TransactionType.Buy, vti, new DateOnly(2024, 1, 2), 40m, 200m)),
            NoFee(Trade(data.Taxable, TransactionType.Buy, vxus, new DateOnly(2024, 1, 2), 10m, 70m)),
            lossSale,
            replacement,
            NoFee(Trade(data.Ira, TransactionType.Buy, bnd, new DateOnly(2024, 1, 2), 50m, 80m)),
            Deposit(data.Taxable, AsOf.AddDays(3), 1_000m),
            scheduled])).Succeeded);
        Assert.True((await new IdenticalPairStore(db, ledger).AddAsync(data.Household.Id, vti.Id, bnd.Id, DateTimeOffset.UnixEpoch)).Succeeded);

        var loaded = await new PortfolioSnapshotLoader(db, ledger).LoadAsync(data.Household.Id, AsOf);

        var snapshot = loaded.Match(s => s, p => throw new Xunit.Sdk.XunitException(p.Message));
        Assert.Equal(AsOf, snapshot.AsOf);
        var taxable = snapshot.Accounts.Single(a => a.Id == data.Taxable.Id);
        Assert.Equal(20_000m - 8_000m - 700m + 600m - 610m, taxable.Cash);
        Assert.Equal(1_000m, taxable.PendingCashFlow);
        Assert.True(taxable.FractionalShares);
        Assert.False(snapshot.Accounts.Single(a => a.Id == data.Ira.Id).FractionalShares);

        // The 100 loss of the VXUS sale went into the replacement's basis, held 514 days before.
        var replaced = taxable.Lots.Single(l => l.LotId == replacement.Id);
        Assert.Equal(710m, replaced.CostBasis);
        Assert.Equal(AsOf.AddDays(-5).AddDays(-(AsOf.AddDays(-20).DayNumber - new DateOnly(2024, 1, 2).DayNumber)), replaced.HoldingPeriodStart);

        Assert.Equal([250m, 60m, 70m], new[] { vti, vxus, bnd }.Select(i => snapshot.Instruments.Single(s => s.Id == i.Id).Price));
        Assert.Equal(2, snapshot.Targets.Count);
        Assert.Equal(new TaxRates(0.37m, 0.2m), snapshot.TaxRates);
        Assert.Equal(new RebalanceSettings(100m, 50m, 1m), snapshot.Settings);
        Assert.Equal([new ReplacementChoice(vti.Id, vxus.Id)], snapshot.Replacements);
        Assert.Equal(new HarvestThresholds(200m, 0.05m, 500m), snapshot.Harvest);
        Assert.Single(snapshot.SubstantiallyIdentical);
        Assert.Equal(
            [(TradeSide.Sell, 100m, AsOf.AddDays(-20)), (TradeSide.Buy, 0m, AsOf.AddDays(-5)), (TradeSide.Buy, 0m, AsOf.AddDays(10))],
            snapshot.RecentAndScheduledTrades.Select(t => (t.Side, t.Loss, t.Date)));

        var file = PortfolioSnapshotJson.Parse(PortfolioSnapshotJson.Serialize(snapshot)).Snapshot!;
        Assert.Equal(Json(Rebalancer.Propose(snapshot)), Json(Rebalancer.Propose(file)));
        Assert.Equal(Json(Harvester.Scan(snapshot, snapshot.HarvestSettings())), Json(Harvester.Scan(file, file.HarvestSettings())));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Load_HeldInstrumentWithoutClose_FailsWithMissingPrice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var ledger = new LedgerStore(db);
        Assert.True((await ledger.AddTransactionsAsync([
            Deposit(data.Taxable, new DateOnly(2024, 1, 2), 1_000m),
            Trade(data.Taxable, TransactionType.Buy, data.Instruments[0], new DateOnly(2024, 1, 2), 1m, 100m)])).Succeeded);

        var loaded = await new PortfolioSnapshotLoader(db, ledger).LoadAsync(data.Household.Id, AsOf);

        Assert.Equal(TaxStoreErrorCodes.MissingPrice, loaded.Problem?.Code);
        Assert.Equal(LedgerStoreErrorCodes.UnknownHousehold, (await new PortfolioSnapshotLoader(db, ledger).LoadAsync(Guid.NewGuid(), AsOf)).Problem?.Code);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PortfolioSnapshotJson.Options);

    private static Transaction NoFee(Transaction t)
    {
        t.Fees = 0m;
        return t;
    }
}
