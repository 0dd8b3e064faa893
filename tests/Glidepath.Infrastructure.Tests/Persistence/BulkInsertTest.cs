using System.Data.Common;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Persistence;

public sealed class BulkInsertTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task InsertAsync_StoresExactlyWhatSaveChangesStores(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var (account, instrument) = await StoreAccountAndInstrumentAsync(db, Currency.Chf, "NESN");

        Transaction Make(string externalId) => new()
        {
            AccountId = account.Id,
            Type = TransactionType.Sell,
            TradeDate = new DateOnly(2024, 2, 29),
            SettlementDate = new DateOnly(2024, 3, 4),
            InstrumentId = instrument.Id,
            Quantity = 1.5m,
            Price = 0.0000000001m,
            Fees = 12345678901234567.25m,
            Currency = Currency.Eur,
            FxRate = 0.9612345678901234567890123456m,
            TransferId = Guid.NewGuid(),
            LotSelections = [new LotSelection(Guid.NewGuid(), 0.5m)],
            ExternalId = externalId,
            Memo = "naïve “quotes”",
        };

        var viaEf = Make("ef");
        db.Add(viaEf);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var viaBulk = Make("bulk");
        viaBulk.TransferId = viaEf.TransferId;
        viaBulk.LotSelections = viaEf.LotSelections;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, [viaBulk], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var rows = await RawRowsAsync(db, "SELECT * FROM transactions ORDER BY external_id");
        Assert.Equal(2, rows.Count);
        // The memo is encrypted under a fresh nonce each time, so its stored text differs; both decrypt alike.
        Assert.Equal(Without(rows[0], "id", "external_id", "memo"), Without(rows[1], "id", "external_id", "memo"));
        Assert.NotEqual(rows[0]["memo"], rows[1]["memo"]);
        var stored = await db.Transactions.AsNoTracking().SingleAsync(t => t.Id == viaBulk.Id);
        Assert.Equal((viaBulk.Fees, "naïve “quotes”"), (stored.Fees, stored.Memo));
    }

    /// <summary>
    /// The ledger cache's rows (records: enums, nullable dates, ints, bools, currency codes) go in as
    /// SaveChanges would put them: each is stored both ways, and the stored columns are compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task InsertAsync_StoresLedgerCacheRowsExactlyAsSaveChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var (account, instrument) = await StoreAccountAndInstrumentAsync(db, Currency.Usd, "VTI");
        var (a, i) = (account.Id, instrument.Id);
        var (lot, sale, replacement) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await AssertStoredAlikeAsync(db, "tax_lots",
            () => new TaxLot(a, i, lot, new DateOnly(2020, 1, 31), 10.125m, -0.0m, HoldingPeriodStart: new DateOnly(2019, 12, 1)),
            () => new TaxLot(a, i, lot, new DateOnly(2020, 1, 31), 3m, 300.10m));
        await AssertStoredAlikeAsync(db, "realised_gains",
            () => new RealisedGain(a, i, sale, lot, new DateOnly(2020, 1, 31), new DateOnly(2021, 2, 1), 1m, 99.99m, 120m, HoldingTerm.LongTerm, 20.01m, new DateOnly(2019, 12, 1)),
            () => new RealisedGain(a, i, sale, lot, new DateOnly(2020, 1, 31), new DateOnly(2020, 2, 1), 1m, 130m, 120m, HoldingTerm.ShortTerm));
        await AssertStoredAlikeAsync(db, "wash_sale_adjustments",
            () => new WashSaleAdjustment(sale, a, i, lot, a, i, replacement, new DateOnly(2020, 3, 1), 2.5m, 40m, 61, Permanent: false),
            () => new WashSaleAdjustment(sale, a, i, lot, a, i, replacement, new DateOnly(2020, 3, 1), 2.5m, 40m, 0, Permanent: true));
        await AssertStoredAlikeAsync(db, "cash_balances", () => new CashBalance(a, Currency.Chf, -12.5m));
        await AssertStoredAlikeAsync(db, "positions", () => new Position(a, i, 13.125m, 0.000001m));
    }

    private static async Task<(Account Account, Instrument Instrument)> StoreAccountAndInstrumentAsync(GlidepathDbContext db, Currency currency, string symbol)
    {
        var household = new Household { Name = "H" };
        var account = new Account { Name = "A", Type = AccountType.TaxableBrokerage, BaseCurrency = currency };
        household.Accounts.Add(account);
        var instrument = new Instrument { Symbol = symbol };
        db.AddRange(household, instrument);
        await db.SaveChangesAsync();
        return (account, instrument);
    }

    /// <summary>Stores each row with SaveChanges, then (alone in its table, as keys may be unique) with BulkInsert, and compares every stored column but the surrogate key.</summary>
    private static async Task AssertStoredAlikeAsync<T>(GlidepathDbContext db, string table, params Func<T>[] rows)
        where T : class
    {
        foreach (var make in rows)
        {
            await db.Set<T>().ExecuteDeleteAsync();
            db.Add(make());
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var viaEf = Assert.Single(await RawRowsAsync(db, "SELECT * FROM " + table));

            await db.Set<T>().ExecuteDeleteAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.InsertAsync(db, [make()], CancellationToken.None);
                await transaction.CommitAsync();
            }

            var viaBulk = Assert.Single(await RawRowsAsync(db, "SELECT * FROM " + table));
            Assert.Equal(Without(viaEf, "id"), Without(viaBulk, "id"));
        }
    }

    /// <summary>Each column as the provider's own value (text, number, uuid…), before EF reads it.</summary>
    private static async Task<List<Dictionary<string, string>>> RawRowsAsync(GlidepathDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(
                reader.GetName,
                i => $"{reader.GetDataTypeName(i)}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return rows;
    }

    private static List<KeyValuePair<string, string>> Without(Dictionary<string, string> row, params string[] columns) =>
        row.Where(c => !columns.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
}
