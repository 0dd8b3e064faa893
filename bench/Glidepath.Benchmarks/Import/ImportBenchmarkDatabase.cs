using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Benchmarks.Import;

/// <summary>A fresh, migrated database (SQLite file or PostgreSQL) with one household and one taxable account, for one measured import.</summary>
public sealed class ImportBenchmarkDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly Guid _accountId;

    private ImportBenchmarkDatabase(TestDatabase database, Guid accountId) => (_database, _accountId) = (database, accountId);

    public static async Task<ImportBenchmarkDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var household = new Household { Name = "Benchmark" };
        var account = new Account { Name = "Brokerage", Type = AccountType.TaxableBrokerage };
        household.Accounts.Add(account);
        db.Add(household);
        await db.SaveChangesAsync();
        return new ImportBenchmarkDatabase(database, account.Id);
    }

    public async Task<ImportResult> ImportAsync(string csvPath)
    {
        await using var db = _database.CreateDbContext();
        await using var file = File.OpenRead(csvPath);
        return await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(_accountId, file);
    }

    /// <summary>What the import's ledger replay stored: realised gains, wash-sale adjustments and open lots.</summary>
    public async Task<(int Gains, int WashSales, int Lots)> CountResultAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.RealisedGains.CountAsync(), await db.WashSaleAdjustments.CountAsync(), await db.TaxLots.CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
    }
}
