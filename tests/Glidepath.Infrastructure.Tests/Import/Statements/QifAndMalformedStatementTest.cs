using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Statements;

/// <summary>QIF bank and investment files, and hand-made malformed statements: each gives one clear error and stores nothing.</summary>
public sealed class QifAndMalformedStatementTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task GnucashQif_BooksNineLines_InMonthFirstOrder_SplitsChecked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await StatementSample.CreateAsync(database, "gnucash_cbb-export.qif");

        var preview = await sample.ImportAsync(new ImportOptions { DryRun = true });
        var result = await sample.ImportTwiceAsync("qif");

        var section = sample.Expected.GetProperty("sections").EnumerateObject().Single().Value;
        Assert.Equal(section.GetProperty("transaction_count").GetInt32(), result.Imported);
        Assert.Equal(decimal.Parse(section.GetProperty("sum_of_T").GetString()!, System.Globalization.CultureInfo.InvariantCulture), await sample.CashAsync());
        var stored = await sample.TransactionsAsync();
        Assert.Equal((new DateOnly(1997, 6, 23), new DateOnly(1997, 11, 24)), (stored[0].TradeDate, stored[^1].TradeDate));
        // D10/11/97 T-6.19 PAT&T/063 LTelephone MPhone Bill - September: month first, 19xx, payee and memo, the category in the preview.
        var att = preview.Preview.Single(p => p.Memo!.StartsWith("AT&T", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(1997, 10, 11), TransactionType.Withdrawal, 6.19m, "Telephone"), (att.Date, att.Type, att.Amount, att.Category));
    }

    [Fact]
    public async Task HandmadeBankQif_ThousandsSeparator_ApostropheYear_Splits()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await StatementSample.CreateAsync(database, "handmade_bank.qif");

        var result = await sample.ImportTwiceAsync("qif");

        // -42.10 + 1,250.00 - 100.00 (split 60 + 40)
        Assert.Equal(3, result.Imported);
        Assert.Equal(1107.90m, await sample.CashAsync());
        Assert.Equal(new DateOnly(2024, 1, 15), (await sample.TransactionsAsync())[0].TradeDate);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task HandmadeInvestmentQif_BooksTradesIncomeReinvestmentAndTransfers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await StatementSample.CreateAsync(database, "handmade_invst.qif");

        var result = await sample.ImportTwiceAsync("qif");

        // Worked by hand: XIn +5000; Buy 10 VTI, T 2351 with O 1 → 235.00 a unit, cash −2351; Div +12.34;
        // ReinvDiv 0.05 VTI for 12.00 (cash unchanged); Sell 4 VTI, T 999 net of O 1 → 250.00, cash +999;
        // BuyX 20 BND for 1450 paid from [Checking] → a deposit and a buy, cash unchanged.
        Assert.Equal(7, result.Imported);
        Assert.Equal(5000m - 2351m + 12.34m + 999m, await sample.CashAsync());
        Assert.Equal(new Dictionary<string, decimal> { ["VTI"] = 6.05m, ["BND"] = 20m }, await sample.PositionsAsync());
        var sell = (await sample.TransactionsAsync()).Single(t => t.Type == TransactionType.Sell);
        Assert.Equal((4m, 250m, 1m), (sell.Quantity, sell.Price, sell.Fees));
    }

    public static TheoryData<string, string> MalformedFiles() => new()
    {
        { "malformed/ofx_cut_short.ofx", "The file ends inside <BANKTRANLIST>" },
        { "malformed/ofx_bad_amount.ofx", "row 2, column TRNAMT: '-316.6.7' is not an OFX amount." },
        { "malformed/ofx_no_fitid.ofx", "row 3, column FITID: <STMTTRN> (line 17) has no <FITID>" },
        { "malformed/ofx_bad_date.ofx", "row 2, column DTPOSTED: '20090230122017.000[-5:EST]' is not an OFX date" },
        { "malformed/ofx_stray_end_tag.ofx", "end tag </INVTRANLIST> without an open <INVTRANLIST> aggregate" },
        { "malformed/ofx_two_statements.ofx", "The file holds 2 statements" },
        { "malformed/ofx_no_header.ofx", "Not a statement" },
        { "malformed/qif_no_caret.qif", "The file ends inside the record starting on line 12: it has no closing '^'." },
        { "malformed/qif_split_mismatch.qif", "row 12, column $: The split lines add up to -105.00, not to the transaction's amount -100.00." },
        { "malformed/qif_bad_date.qif", "row 7, column D: '2/30'24' is not a QIF date (M/D/YYYY" },
        { "malformed/qif_mixed_order.qif", "The file's dates disagree: line 2 writes the day first, line 7 the month first." },
        { "malformed/qif_bad_amount.qif", "row 7, column T: '1.250,00' is not an amount" },
        { "malformed/qif_unknown_section.qif", "'!Type:Ledger' is not a QIF section" },
        { "qifparse_file.qif", "The file holds the transactions of 2 accounts ('My Cash', 'My Cc')" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task MalformedStatement_OneClearError_StoresNothing(string file, string error)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await StatementSample.CreateAsync(database, file, file.EndsWith(".ofx", StringComparison.Ordinal) ? "CAD" : "USD");
        var before = await database.SnapshotAsync();

        var result = await sample.ImportAsync();

        Assert.True(result.Rejected);
        var all = string.Join("\n", result.Errors);
        Assert.True(result.Errors.Count == 1, all);
        Assert.True(all.Contains(error, StringComparison.Ordinal), all);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task MalformedStatement_OnPostgres_StoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var sample = await StatementSample.CreateAsync(database, "malformed/qif_split_mismatch.qif");
        var before = await database.DumpRowsAsync();

        var result = await sample.ImportAsync();

        Assert.True(result.Rejected);
        Assert.Single(result.Errors);
        Assert.Equal(before, await database.DumpRowsAsync());
    }
}
