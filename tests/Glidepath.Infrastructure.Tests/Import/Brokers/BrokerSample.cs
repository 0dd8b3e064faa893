using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Tests.Ledger;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

/// <summary>
/// Imports a public broker sample (Import/Data/Brokers, origins in its README) into a fresh account and
/// reads back what the ledger made of it. Each sample's <c>.expected.json</c> was written by an
/// independent reader (shared/samples/brokers/tools/read_broker_samples.py): the tests compare against its
/// counts and sums, not against numbers taken from this importer.
/// </summary>
internal sealed class BrokerSample(TestDatabase database, Account account, string file)
{
    public Account Account => account;

    public JsonElement Expected { get; } = JsonDocument.Parse(File.ReadAllText(PathOf(file + ".expected.json"))).RootElement;

    public static async Task<BrokerSample> CreateAsync(TestDatabase database, string file, Currency currency)
    {
        await using var db = database.CreateDbContext();
        var household = await LedgerTestHousehold.StoreAsync(db);
        household.Taxable.BaseCurrency = currency;
        await db.SaveChangesAsync();
        return new BrokerSample(database, household.Taxable, file);
    }

    /// <summary>A sum of the independent reading, e.g. ("dividend", "USD").</summary>
    public decimal Sum(string kind, string currency) =>
        Expected.GetProperty("sum_by_kind_and_currency").TryGetProperty(kind, out var byCurrency) && byCurrency.TryGetProperty(currency, out var value)
            ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : 0m;

    public int Count(string kind) => Expected.GetProperty("by_kind").GetProperty(kind).GetInt32();

    public int Rows => Expected.GetProperty("rows").GetInt32();

    public async Task StoreRateAsync(string from, string to, string date, decimal rate)
    {
        await using var db = database.CreateDbContext();
        db.HouseholdFxRates.Add(new HouseholdFxRate(account.HouseholdId, Currency.Of(from), Currency.Of(to), DateOnly.Parse(date, CultureInfo.InvariantCulture), rate));
        await db.SaveChangesAsync();
    }

    public async Task<ImportResult> ImportAsync(ImportOptions? options = null)
    {
        await using var db = database.CreateDbContext();
        await using var stream = File.OpenRead(PathOf(file));
        return await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(account.Id, stream, options);
    }

    /// <summary>Imports and checks the file was taken, then that importing it again adds nothing and writes nothing.</summary>
    public async Task<ImportResult> ImportTwiceAsync(string layout, ImportOptions? options = null)
    {
        var result = await ImportAsync(options);
        Assert.False(result.Rejected, string.Join("\n", result.Errors));
        Assert.Equal(layout, result.Layout);
        var before = await database.SnapshotAsync();
        var again = await ImportAsync(options);
        Assert.False(again.Rejected, string.Join("\n", again.Errors));
        Assert.Equal((0, result.Imported), (again.Imported, again.DuplicatesSkipped));
        Assert.Equal(before, await database.SnapshotAsync());
        return result;
    }

    public async Task<decimal> CashAsync()
    {
        await using var db = database.CreateDbContext();
        var state = await new LedgerStore(db).GetStateAsync(account.HouseholdId);
        return state.Cash.Where(c => c.AccountId == account.Id).Sum(c => c.Amount);
    }

    /// <summary>Units held per symbol (an instrument created from an ISIN alone has the ISIN as its symbol).</summary>
    public async Task<Dictionary<string, decimal>> PositionsAsync()
    {
        await using var db = database.CreateDbContext();
        var state = await new LedgerStore(db).GetStateAsync(account.HouseholdId);
        var symbols = await db.Instruments.ToDictionaryAsync(i => i.Id, i => i.Symbol);
        return state.Positions.Where(p => p.AccountId == account.Id && p.Quantity != 0m).ToDictionary(p => symbols[p.InstrumentId], p => p.Quantity);
    }

    /// <summary>The household's Form 8949 CSV for <paramref name="year"/>, marking sales of lots of unknown basis.</summary>
    public async Task<string> Form8949Async(int year)
    {
        await using var db = database.CreateDbContext();
        var gains = await new LedgerStore(db).GetRealisedGainsAsync(account.HouseholdId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var accounts = await db.Accounts.Where(a => a.HouseholdId == account.HouseholdId).ToListAsync();
        var instruments = await db.Instruments.ToListAsync();
        return Domain.TaxLots.WashSales.Form8949Export.ToCsv(gains, year, accounts, instruments, await UnknownBasisLots.OfHouseholdAsync(db, account.HouseholdId, default));
    }

    public async Task<int> TransactionsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Transactions.CountAsync(t => t.AccountId == account.Id);
    }

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Data", "Brokers", name);
}
