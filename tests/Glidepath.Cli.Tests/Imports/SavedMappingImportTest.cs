using Glidepath.Application.Imports;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Infrastructure.Import.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Imports;

/// <summary><c>glidepath import transactions FILE --account ID</c> with a mapping saved for the account (the web wizard's).</summary>
public sealed class SavedMappingImportTest
{
    // A file no preset knows: German words, dd.MM.yyyy dates, decimal commas, signed amounts.
    private const string GermanFile = """
        Handelstag,Vorgang,Wertpapier,Stück,Kurs,Betrag,Gebühr,Währung
        02.01.2024,Einzahlung,,,,"5.000,00",,USD
        03.01.2024,Kauf,SAP,10,"120,50","-1.206,00","1,00",USD
        15.05.2024,Dividende,SAP,,,"22,00",,USD
        15.05.2024,Quellensteuer,,,,"-5,80",,USD
        20.06.2024,Verkauf,SAP,4,"130,00","519,00","1,00",USD
        """;

    private const string SavedJson = """
        { "date": "Handelstag", "dateFormat": "dd.MM.yyyy", "action": "Vorgang", "symbol": "Wertpapier", "quantity": "Stück", "price": "Kurs",
          "amount": "Betrag", "fees": "Gebühr", "currency": "Währung", "decimalSeparator": ",",
          "actions": { "Einzahlung": "Deposit", "Kauf": "Buy", "Verkauf": "Sell", "Dividende": "Dividend", "Quellensteuer": "Fee" } }
        """;

    // The same columns, only deposits: what a --mapping FILE reads differs from the saved one, so which one was used shows.
    private const string DepositsOnlyJson = """
        { "date": "Handelstag", "dateFormat": "dd.MM.yyyy", "action": "Vorgang", "amount": "Betrag", "currency": "Währung", "decimalSeparator": ",",
          "actions": { "Einzahlung": "Deposit" } }
        """;

    [Fact]
    public async Task FileNoPresetKnows_IsReadWithTheSavedMapping_SaidOnStderr_ButMappingFileWins_AndAPresetFileIgnoresIt()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();
        var file = cli.File("umsaetze.csv", GermanFile);
        var noSaved = await cli.RunAsync("import", "transactions", file, "--account", account.ToString());
        await using (var db = cli.Database.CreateDbContext())
        {
            var saved = await new AccountImportMappings(db, TimeProvider.System).PutAsync(household, account, ColumnMapping.FromJson(SavedJson).Mapping!, CancellationToken.None);
            Assert.True(saved.Succeeded);
        }

        var generic = await cli.RunAsync("import", "transactions", cli.File("generic.csv", "Date,Type,Amount\n2024-01-01,Deposit,100\n"), "--account", account.ToString());
        var withFile = await cli.RunAsync(
            "import", "transactions", file, "--account", account.ToString(), "--mapping", cli.File("deposits.json", DepositsOnlyJson), "--skip-unmapped");
        var withSaved = await cli.RunAsync("import", "transactions", file, "--account", account.ToString());

        Assert.Equal(1, noSaved.ExitCode);
        Assert.Contains("Unrecognised file", noSaved.Error, StringComparison.Ordinal);
        Assert.Equal((0, ""), (generic.ExitCode, generic.Error));
        Assert.Contains("(generic layout)", generic.Out, StringComparison.Ordinal);
        Assert.Equal((0, ""), (withFile.ExitCode, withFile.Error));
        Assert.Contains("imported 1 (mapping layout)", withFile.Out, StringComparison.Ordinal);
        Assert.Equal(0, withSaved.ExitCode);
        Assert.Equal("using the mapping saved for this account", withSaved.Error.Trim());
        Assert.Contains("imported 4 (mapping layout), 1 already present", withSaved.Out, StringComparison.Ordinal);
        await using (var db = cli.Database.CreateDbContext())
        {
            Assert.Equal(6, await db.Transactions.CountAsync(t => t.AccountId == account));
        }
    }
}
