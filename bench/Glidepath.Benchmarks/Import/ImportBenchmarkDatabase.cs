using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Benchmarks.Import;

/// <summary>A fresh, migrated SQLite file with one household and one taxable account, for one measured import.</summary>
public sealed class ImportBenchmarkDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "glidepath-bench-" + Guid.NewGuid().ToString("N"));
    private readonly DatabaseSettings _settings;
    private readonly Guid _accountId;

    // Memos are encrypted like in production, so the import measures that cost too.
    private readonly FieldKeyRing _keys = new(new Dictionary<uint, byte[]> { [1] = KeyFile.NewKey() }, 1);

    public ImportBenchmarkDatabase()
    {
        Directory.CreateDirectory(_folder);
        _settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "glidepath.db")}");
        using var db = CreateDbContext();
        db.Database.Migrate();
        var household = new Household { Name = "Benchmark" };
        var account = new Account { Name = "Brokerage", Type = AccountType.TaxableBrokerage };
        household.Accounts.Add(account);
        db.Add(household);
        db.SaveChanges();
        _accountId = account.Id;
    }

    public async Task<ImportResult> ImportAsync(string csvPath)
    {
        await using var db = CreateDbContext();
        await using var file = File.OpenRead(csvPath);
        return await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(_accountId, file);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private GlidepathDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<GlidepathDbContext>();
        _settings.Apply(options);
        options.UseFieldEncryption(_keys);
        return new GlidepathDbContext(options.Options);
    }
}
