using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.TaxLots;
using Glidepath.Testing.Databases;
using static Glidepath.Infrastructure.Tests.Ledger.LedgerTestHousehold;

namespace Glidepath.Infrastructure.Tests.Ledger;

/// <summary>The persisted ledger applies the wash-sale rule across the household's accounts with its table of identical securities.</summary>
public sealed class WashSaleStoreTest
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// IRS Publication 550, Wash Sales, Example 2 (as in the Domain test): the $1,100 loss of 11 February
    /// 2019 goes to the 50 shares bought on 13 and on 14 February, $550 each, with the 140 days the sold
    /// shares were held tacked on. Stored, read back from a fresh context, and equal to a rebuild.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AddTransactions_Pub550Example2_PersistsDisallowedLossBasisAndTackedHoldingPeriod(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        LedgerTestHousehold data;
        Transaction sale;
        Transaction[] buys;
        await using (var db = database.CreateDbContext())
        {
            data = await StoreAsync(db);
            var m = data.Instruments[0];
            sale = NoFee(Trade(data.Taxable, TransactionType.Sell, m, Day("2019-02-11"), 100m, 9m));
            buys = [.. new[] { "2019-02-13", "2019-02-14", "2019-02-15", "2019-02-16" }.Select(d => NoFee(Trade(data.Taxable, TransactionType.Buy, m, Day(d), 50m, 10m)))];
            var result = await new LedgerStore(db).AddTransactionsAsync([
                Deposit(data.Taxable, Day("2018-09-24"), 10_000m),
                NoFee(Trade(data.Taxable, TransactionType.Buy, m, Day("2018-09-24"), 100m, 20m)),
                sale,
                .. buys]);
            Assert.True(result.Succeeded, result.ToString());
        }

        await using var fresh = database.CreateDbContext();
        var store = new LedgerStore(fresh);
        var state = await store.GetStateAsync(data.Household.Id);

        var gain = Assert.Single(state.RealisedGains, g => g.SaleTransactionId == sale.Id);
        Assert.Equal(-1_100m, gain.Gain);
        Assert.Equal(1_100m, gain.DisallowedLoss);
        Assert.Equal(0m, gain.ReportableGain);
        var lots = buys.Select(b => state.Lots.Single(l => l.LotId == b.Id)).ToList();
        Assert.Equal([1_050m, 1_050m, 500m, 500m], lots.Select(l => l.CostBasis));
        Assert.Equal([Day("2018-09-26"), Day("2018-09-27"), null, null], lots.Select(l => l.HoldingPeriodStart));
        Assert.Equal([(buys[0].Id, 550m, 140), (buys[1].Id, 550m, 140)], (state.WashSales ?? []).Select(w => (w.ReplacementLotId, w.DisallowedLoss, w.TackedDays)));

        var fromHistory = LedgerBuilder.Build([data.Taxable, data.Ira], [.. fresh.Transactions], new LedgerOptions(data.Instruments), DateOnly.MaxValue).Expect("replay");
        Assert.True(state.ContentEquals(fromHistory), "cache differs from a fresh replay");
        Assert.True((await store.RebuildAsync(data.Household.Id)).Succeeded);
        Assert.True((await store.GetStateAsync(data.Household.Id)).ContentEquals(state), "rebuild differs from the cache");
    }

    /// <summary>
    /// A loss sale of VTI in the taxable account, then VXUS bought in the IRA 10 days later. Not identical:
    /// the loss stands. Once the household marks the pair, the loss is disallowed for good (Rev. Rul.
    /// 2008-5: the replacement is in an IRA); removing the pair restores it. Each edit replays the cache.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task IdenticalPair_MarkedThenRemoved_DisallowsLossInIraThenRestoresIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var (vti, vxus) = (data.Instruments[0], data.Instruments[1]);
        var ledger = new LedgerStore(db);
        var sale = NoFee(Trade(data.Taxable, TransactionType.Sell, vti, Day("2024-03-01"), 10m, 80m));
        Assert.True((await ledger.AddTransactionsAsync([
            Deposit(data.Taxable, Day("2024-01-02"), 1_000m),
            Deposit(data.Ira, Day("2024-01-02"), 1_000m),
            NoFee(Trade(data.Taxable, TransactionType.Buy, vti, Day("2024-01-02"), 10m, 100m)),
            sale,
            NoFee(Trade(data.Ira, TransactionType.Buy, vxus, Day("2024-03-11"), 10m, 50m))])).Succeeded);
        var pairs = new IdenticalPairStore(db, ledger);

        Assert.Equal(0m, await DisallowedAsync(ledger, data, sale));
        Assert.True((await pairs.AddAsync(data.Household.Id, vxus.Id, vti.Id, Now)).TryGet(out var added, out var problem), problem?.Message);
        Assert.Equal(200m, await DisallowedAsync(ledger, data, sale));
        var adjustment = Assert.Single(await ledger.GetWashSalesAsync(data.Household.Id));
        Assert.True(adjustment.Permanent);
        Assert.Equal(500m, Assert.Single(await ledger.GetLotsAsync(data.Household.Id), l => l.InstrumentId == vxus.Id).CostBasis);

        Assert.Equal(TaxStoreErrorCodes.DuplicatePair, (await pairs.AddAsync(data.Household.Id, vti.Id, vxus.Id, Now)).Problem?.Code);
        Assert.Equal(TaxStoreErrorCodes.SameInstrument, (await pairs.AddAsync(data.Household.Id, vti.Id, vti.Id, Now)).Problem?.Code);
        Assert.True((await pairs.RemoveAsync(data.Household.Id, added.Id)).Succeeded);
        Assert.Equal(0m, await DisallowedAsync(ledger, data, sale));
        Assert.Empty(await ledger.GetWashSalesAsync(data.Household.Id));
        Assert.Empty(await pairs.ListAsync(data.Household.Id));
    }

    /// <summary>Two listings sharing an ISIN are substantially identical without any row in the table.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AddTransactions_ReplacementSharesIsin_DisallowsLoss(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var data = await StoreAsync(db);
        var listing = new Instrument { Symbol = "VTI", Exchange = "XLON", Type = InstrumentType.Etf, AssetClass = AssetClass.UsEquity, Isin = "US9229087690" };
        data.Instruments[0].Isin = "US9229087690";
        db.Add(listing);
        await db.SaveChangesAsync();
        var ledger = new LedgerStore(db);
        var sale = NoFee(Trade(data.Taxable, TransactionType.Sell, data.Instruments[0], Day("2024-03-01"), 10m, 80m));
        var replacement = NoFee(Trade(data.Taxable, TransactionType.Buy, listing, Day("2024-02-20"), 4m, 90m));

        Assert.True((await ledger.AddTransactionsAsync([
            Deposit(data.Taxable, Day("2024-01-02"), 2_000m),
            NoFee(Trade(data.Taxable, TransactionType.Buy, data.Instruments[0], Day("2024-01-02"), 10m, 100m)),
            replacement,
            sale])).Succeeded);

        // Replacement bought before the sale: 4 of the 10 units match, so 4/10 of the $200 loss is disallowed.
        Assert.Equal(80m, await DisallowedAsync(ledger, data, sale));
        Assert.Equal(440m, Assert.Single(await ledger.GetLotsAsync(data.Household.Id), l => l.LotId == replacement.Id).CostBasis);
    }

    private static async Task<decimal> DisallowedAsync(LedgerStore ledger, LedgerTestHousehold data, Transaction sale) =>
        (await ledger.GetRealisedGainsAsync(data.Household.Id)).Where(g => g.SaleTransactionId == sale.Id).Sum(g => g.DisallowedLoss);

    private static Transaction NoFee(Transaction t)
    {
        t.Fees = 0m;
        return t;
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
