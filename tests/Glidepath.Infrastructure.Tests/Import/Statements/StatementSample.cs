using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Tests.Ledger;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Import.Statements;

/// <summary>
/// Imports a statement (Import/Data/Statements, origins in its README) into a fresh account in the statement's currency and
/// reads back what the ledger made of it. A public sample's <c>.expected.json</c> is the independent reading of
/// shared/samples/tools/compute_expected.py: the tests compare against it, not against numbers this importer produced.
/// </summary>
internal sealed class StatementSample(TestDatabase database, Account account, string file)
{
    public Account Account => account;

    public JsonElement Expected => JsonDocument.Parse(File.ReadAllText(PathOf(file + ".expected.json"))).RootElement;

    public static async Task<StatementSample> CreateAsync(TestDatabase database, string file, string currency = "USD")
    {
        await using var db = database.CreateDbContext();
        var household = await LedgerTestHousehold.StoreAsync(db);
        household.Taxable.BaseCurrency = Currency.Of(currency);
        await db.SaveChangesAsync();
        return new StatementSample(database, household.Taxable, file);
    }

    public decimal ExpectedDecimal(string property) => decimal.Parse(Expected.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    public async Task<ImportResult> ImportAsync(ImportOptions? options = null, string? otherFile = null)
    {
        await using var db = database.CreateDbContext();
        await using var stream = File.OpenRead(PathOf(otherFile ?? file));
        return await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(account.Id, stream, (options ?? new ImportOptions()) with { Statement = true });
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
        Assert.Equal(0, again.Imported);
        Assert.Equal(before, await database.SnapshotAsync());
        return result;
    }

    public async Task<decimal> CashAsync()
    {
        await using var db = database.CreateDbContext();
        var state = await new LedgerStore(db).GetStateAsync(account.HouseholdId);
        return state.Cash.Where(c => c.AccountId == account.Id).Sum(c => c.Amount);
    }

    public async Task<Dictionary<string, decimal>> PositionsAsync()
    {
        await using var db = database.CreateDbContext();
        var state = await new LedgerStore(db).GetStateAsync(account.HouseholdId);
        var symbols = await db.Instruments.ToDictionaryAsync(i => i.Id, i => i.Symbol);
        return state.Positions.Where(p => p.AccountId == account.Id && p.Quantity != 0m).ToDictionary(p => symbols[p.InstrumentId], p => p.Quantity);
    }

    public async Task<List<Domain.Transactions.Transaction>> TransactionsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Transactions.Where(t => t.AccountId == account.Id).OrderBy(t => t.TradeDate).ToListAsync();
    }

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Data", "Statements", name);
}
