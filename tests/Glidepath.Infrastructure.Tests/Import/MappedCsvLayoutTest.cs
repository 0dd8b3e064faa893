using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Tests.Ledger;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Import;

/// <summary>A file no preset knows, read through a column mapping (the wizard's and the CLI's --mapping JSON).</summary>
public sealed class MappedCsvLayoutTest
{
    // German words, dd.MM.yyyy dates, decimal commas, signed amounts, a price column left empty on one row.
    private const string File = """
        Handelstag,Vorgang,Wertpapier,ISIN,Stück,Kurs,Betrag,Gebühr,Währung
        02.01.2024,Einzahlung,,,,,"5.000,00",,EUR
        03.01.2024,Kauf,SAP,DE0007164600,10,"120,50","-1.206,00","1,00",EUR
        04.01.2024,Kauf,SAP,DE0007164600,5,,"-600,00","0,00",EUR
        15.05.2024,Dividende,SAP,DE0007164600,,,"22,00",,EUR
        15.05.2024,Quellensteuer,,,,,"-5,80",,EUR
        20.06.2024,Verkauf,SAP,DE0007164600,4,"130,00","519,00","1,00",EUR
        21.06.2024,Depotübertrag,SAP,DE0007164600,3,,,,EUR
        """;

    private static readonly string MappingJson = """
        {
          "date": "Handelstag", "dateFormat": "dd.MM.yyyy", "action": "Vorgang", "symbol": "Wertpapier", "isin": "ISIN",
          "quantity": "Stück", "price": "Kurs", "amount": "Betrag", "fees": "Gebühr", "currency": "Währung", "decimalSeparator": ",",
          "actions": { "Einzahlung": "Deposit", "Kauf": "Buy", "Verkauf": "Sell", "Dividende": "Dividend", "Quellensteuer": "Fee" }
        }
        """;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_ThroughAMapping_BooksMappedWords_ListsTheUnmappedOne_AndAddsNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);
        var options = new ImportOptions { Mapping = Mapping(), SkipUnmapped = true };

        var result = await ImportAsync(database, account, options);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(("mapping", 6), (result.Layout, result.Imported));
        var unmapped = Assert.Single(result.Unmapped);
        Assert.Equal((8, "Depotübertrag"), (unmapped.Row, unmapped.Action));
        await using (var db = database.CreateDbContext())
        {
            var state = await new LedgerStore(db).GetStateAsync(account.HouseholdId);
            // 5000 − (10 × 120.50 + 1) − 600 + 22 − 5.80 + (4 × 130 − 1)
            Assert.Equal(5000m - 1206m - 600m + 22m - 5.80m + 519m, state.Cash.Single(c => c.AccountId == account.Id).Amount);
            Assert.Equal(11m, Assert.Single(state.Positions).Quantity);
            Assert.Equal(120m, (await db.Transactions.SingleAsync(t => t.Quantity == 5m)).Price);   // no price: from the amount
        }

        var before = await database.SnapshotAsync();
        var again = await ImportAsync(database, account, options);
        Assert.Equal((0, 6), (again.Imported, again.DuplicatesSkipped));
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task DryRun_PreviewsTheRowsAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);
        var before = await database.SnapshotAsync();

        var result = await ImportAsync(database, account, new ImportOptions { Mapping = Mapping(), SkipUnmapped = true, DryRun = true });

        Assert.False(result.Rejected);
        Assert.Equal(6, result.Preview.Count);
        Assert.Equal(new PreviewRow(3, TransactionType.Buy, new DateOnly(2024, 1, 3), "SAP", 10m, 120.5m, 1m, 0m, "EUR", Memo: "Kauf"), result.Preview[1]);   // the row's memo shows since statements preview theirs
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Import_MalformedNumberOrUnmappedWordWithoutOptIn_RejectsTheWholeFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);

        var unmapped = await ImportAsync(database, account, new ImportOptions { Mapping = Mapping() });
        var malformed = await ImportAsync(database, account, new ImportOptions { Mapping = Mapping(), SkipUnmapped = true }, File.Replace("\"120,50\"", "zwölf", StringComparison.Ordinal));

        Assert.True(unmapped.Rejected);
        Assert.Equal((8, "Vorgang"), (Assert.Single(unmapped.Errors).Row, unmapped.Errors[0].Column));
        Assert.True(malformed.Rejected);
        Assert.Equal((3, "Kurs"), (Assert.Single(malformed.Errors).Row, malformed.Errors[0].Column));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Transactions.CountAsync());
    }

    [Theory]
    [InlineData("""{ "date": "D", "action": "A", "actions": {} }""", "at least one action word")]
    [InlineData("""{ "date": "D", "action": "A", "actions": { "x": "TransferIn" } }""", "Transfers")]
    [InlineData("""{ "date": "D", "action": "A", "dateFormat": "HH:mm", "actions": { "x": "Buy" } }""", "date format")]
    [InlineData("""{ "date": "D" """, "not valid JSON")]
    public void FromJson_BadMapping_SaysWhy(string json, string reason)
    {
        var (mapping, error) = ColumnMapping.FromJson(json);

        Assert.Null(mapping);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static ColumnMapping Mapping() => ColumnMapping.FromJson(MappingJson).Mapping!;

    private static async Task<Domain.Households.Account> StoreAccountAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var household = await LedgerTestHousehold.StoreAsync(db);
        household.Taxable.BaseCurrency = Currency.Eur;
        await db.SaveChangesAsync();
        return household.Taxable;
    }

    private static async Task<ImportResult> ImportAsync(TestDatabase database, Domain.Households.Account account, ImportOptions options, string file = File)
    {
        await using var db = database.CreateDbContext();
        await using var stream = ImportFiles.Text(file);
        return await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(account.Id, stream, options);
    }
}
