using System.Data.Common;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
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
        var household = new Household { Name = "H" };
        var account = new Account { Name = "A", Type = AccountType.TaxableBrokerage, BaseCurrency = Currency.Chf };
        household.Accounts.Add(account);
        var instrument = new Instrument { Symbol = "NESN" };
        db.AddRange(household, instrument);
        await db.SaveChangesAsync();

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
