using System.Data.Common;
using System.Text;
using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Glidepath.Infrastructure.Tests.Encryption;

/// <summary>
/// A household with a value in every protected column (written through EF, the ledger store and the
/// CSV importer, which bulk-inserts on SQLite), and plain-SQL readers of what the database really holds.
/// </summary>
internal sealed class SensitiveHousehold
{
    public const string AccountNumber = "ACCT-4417-9931-2208";
    public const string AggregationToken = "access-sandbox-de3ce8ef-33f8-4b2d";
    public const string AccountNotes = "Joint with Quartermaine; beneficiary form pending";
    public const string TaxId = "123-45-6789";
    public const string PersonNotes = "Prefers calls after Zanzibar trip";
    public const string ImportedMemo = "Dividend from Xylophonics Holdings";

    public Guid HouseholdId { get; private init; }

    public Guid AccountId { get; private init; }

    public Guid PersonId { get; private init; }

    public List<string> Memos { get; } = [];

    public IEnumerable<string> Plaintexts => new[] { AccountNumber, AggregationToken, AccountNotes, TaxId, PersonNotes }.Concat(Memos);

    public static async Task<SensitiveHousehold> StoreAsync(TestDatabase database, int memos = 3)
    {
        await using var db = database.CreateDbContext();
        var household = new Household { Name = "Okafor", CreatedUtc = DateTimeOffset.UnixEpoch };
        var person = new Person { HouseholdId = household.Id, Name = "Ada", BirthDate = new DateOnly(1970, 1, 1), TaxId = new TaxId(TaxId), Notes = PersonNotes };
        var account = new Account
        {
            HouseholdId = household.Id,
            Name = "Brokerage",
            Type = AccountType.TaxableBrokerage,
            Number = new AccountNumber(AccountNumber),
            AggregationToken = AggregationToken,
            Notes = AccountNotes,
        };
        household.People.Add(person);
        household.Accounts.Add(account);
        db.Add(household);
        await db.SaveChangesAsync();

        var data = new SensitiveHousehold { HouseholdId = household.Id, AccountId = account.Id, PersonId = person.Id };
        var deposits = Enumerable.Range(1, memos).Select(i =>
        {
            var memo = $"Gift from aunt Philomena #{i:D4}";
            data.Memos.Add(memo);
            var day = new DateOnly(2024, 1, 1).AddDays(i);
            return new Transaction { AccountId = account.Id, Type = TransactionType.Deposit, TradeDate = day, SettlementDate = day, Amount = 100m + i, Memo = memo };
        }).ToList();
        var written = await new LedgerStore(db).AddTransactionsAsync(deposits);
        Assert.True(written.Succeeded);

        var csv = $"Date,SettlementDate,Type,Symbol,Quantity,Price,Fees,Amount,Currency,FxRate,Memo,ExternalId\n2024-06-03,,Deposit,,,,,12.34,USD,1,{ImportedMemo},\n";
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var imported = await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(account.Id, file);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        data.Memos.Add(ImportedMemo);
        return data;
    }

    /// <summary>Every stored value of every protected column, read with plain SQL: (column name, stored text).</summary>
    public static async Task<List<(string Column, string Stored)>> RawProtectedValuesAsync(TestDatabase database)
    {
        IReadOnlyList<ProtectedColumn> columns;
        await using (var db = database.CreateDbContext())
        {
            columns = KeyRotation.Columns(db.Model);
        }

        var values = new List<(string, string)>();
        await using var connection = Open(database);
        foreach (var column in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{column.Column}\" FROM \"{column.Table}\" WHERE \"{column.Column}\" IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add((column.Name, reader.GetString(0)));
            }
        }

        return values;
    }

    /// <summary>Every row of every table as text (PostgreSQL: <c>t::text</c>), read with plain SQL.</summary>
    public static async Task<string> PostgresRowsAsync(TestDatabase database)
    {
        await using var connection = (NpgsqlConnection)Open(database);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var rows = await list.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                tables.Add(rows.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                dump.AppendLine(rows.GetString(0));
            }
        }

        Assert.Contains("accounts", tables);
        return dump.ToString();
    }

    public static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.Settings.ConnectionString)
            : new SqliteConnection(database.Settings.ConnectionString);
        connection.Open();
        return connection;
    }
}
