using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Statements;

/// <summary>OFX 1.x, OFX 2.x and QFX samples imported whole, checked against their independent readings, and imported again to add nothing.</summary>
public sealed class OfxStatementImportTest
{
    public static TheoryData<DatabaseProvider, string, string> BankFiles()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "ofxparse_bank_medium.ofx", "CAD");   // OFX 1.02 SGML, end tags of elements omitted
            data.Add(provider, "ofxparse_chase_cc.qfx", "USD");      // QFX, cp1252, a blank first line
            data.Add(provider, "ofxtools_br_nubank_cc.ofx", "BRL");  // BANKTRANLIST never closed
            data.Add(provider, "yofi_bank-banking-xml.ofx", "USD");  // OFX 2.02 XML, whole-number amounts, MEMO without NAME
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BankFiles))]
    public async Task BankAndCardStatement_BooksEveryLine_CashIsTheSumOfTheAmounts_ReimportAddsNothing(DatabaseProvider provider, string file, string currency)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await StatementSample.CreateAsync(database, file, currency);

        var result = await sample.ImportTwiceAsync("ofx");

        Assert.Equal(sample.Expected.GetProperty("transaction_count").GetInt32(), result.Imported);
        Assert.Equal(sample.ExpectedDecimal("sum_of_amounts"), await sample.CashAsync());
        var stored = await sample.TransactionsAsync();
        Assert.Equal(sample.Expected.GetProperty("first_transaction_date").GetString(), stored[0].TradeDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sample.Expected.GetProperty("last_transaction_date").GetString(), stored[^1].TradeDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(stored, t => Assert.False(string.IsNullOrEmpty(t.ExternalId)));   // the FITID, stored per transaction
    }

    [Fact]
    public async Task BankMedium_KeepsPayeeAndMemo_AndTheFitIdAsKey()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await StatementSample.CreateAsync(database, "ofxparse_bank_medium.ofx", "CAD");

        await sample.ImportAsync();

        var first = (await sample.TransactionsAsync())[0];
        // <TRNAMT>-6.60<FITID>0000123456782009040100001<NAME>MCDONALD'S #112<MEMO>POS MERCHANDISE;MCDONALD'S #112
        Assert.Equal((TransactionType.Withdrawal, 6.60m, "0000123456782009040100001"), (first.Type, first.Amount, first.ExternalId));
        Assert.Equal("MCDONALD'S #112 — POS MERCHANDISE;MCDONALD'S #112", first.Memo);
    }

    [Fact]
    public async Task ChaseQfx_DecodesTheCp1252Payee()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await StatementSample.CreateAsync(database, "ofxparse_chase_cc.qfx");

        await sample.ImportAsync();

        // Byte 0xA6 in Windows-1252 is U+00A6 BROKEN BAR.
        Assert.Contains('\u00A6', Assert.Single(await sample.TransactionsAsync()).Memo!);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task InvestmentXml_BuysWithCommission_AndBooksTheCashLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await StatementSample.CreateAsync(database, "ofxtools_invstmtrs.ofx");

        var result = await sample.ImportTwiceAsync("ofx");

        // 100 ACME at 50.00 plus 25.00 commission (TOTAL -5025.00), and an INVBANKTRAN of +1000.00.
        Assert.Equal(2, result.Imported);
        Assert.Equal(sample.ExpectedDecimal("sum_of_amounts"), await sample.CashAsync());
        Assert.Equal(new Dictionary<string, decimal> { ["ACME"] = 100m }, await sample.PositionsAsync());
        var buy = (await sample.TransactionsAsync()).Single(t => t.Type == TransactionType.Buy);
        Assert.Equal((100m, 50.00m, 25.00m), (buy.Quantity, buy.Price, buy.Fees));
    }

    [Fact]
    public async Task FidelityBrokerage_SellsMoreThanItBought_AsksForTheOpeningLot_ThenBooks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await StatementSample.CreateAsync(database, "ofxparse_fidelity-brokerage.ofx");

        var refused = await sample.ImportAsync();
        var needed = Assert.Single(refused.OpeningLotsNeeded);
        Assert.Equal(("FCASH", 0.01m), (needed.Symbol, needed.Quantity));   // bought 50.00000, sold 50.01000

        var result = await sample.ImportTwiceAsync("ofx", new ImportOptions { OpeningLots = [new OpeningLot("FCASH", new DateOnly(2015, 1, 20), 0.01m, 0.01m)] });

        Assert.Equal(sample.Expected.GetProperty("transaction_count").GetInt32() + 1, result.Imported);   // and the opening lot
        Assert.Equal(sample.ExpectedDecimal("sum_of_amounts") - 0.01m, await sample.CashAsync());
        Assert.Empty(await sample.PositionsAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BeancountInvestment_BooksBuysSellsAndIncome_WithLots(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await StatementSample.CreateAsync(database, "beancount-import_investment_buy_sell_income.ofx");
        var refused = await sample.ImportAsync();
        Assert.True(refused.Rejected);
        // The statement sells EE3975D53 (41.50416 units) it never bought here.
        var lots = refused.OpeningLotsNeeded.Select(n => new OpeningLot(n.Symbol, new DateOnly(2018, 7, 1), n.Quantity, 0m)).ToList();
        Assert.Contains(lots, l => l.Quantity == 41.50416m);

        var result = await sample.ImportTwiceAsync("ofx", new ImportOptions { OpeningLots = lots });

        var expected = sample.Expected;
        Assert.Equal(expected.GetProperty("transaction_count").GetInt32() + lots.Count, result.Imported);
        var stored = await sample.TransactionsAsync();
        Assert.Equal(expected.GetProperty("buy_count").GetInt32() + lots.Count, stored.Count(t => t.Type == TransactionType.Buy));
        Assert.Equal(expected.GetProperty("sell_count").GetInt32(), stored.Count(t => t.Type == TransactionType.Sell));
        Assert.Equal(expected.GetProperty("dividend_count").GetInt32(), stored.Count(t => t.Type == TransactionType.Dividend));
        Assert.Equal(expected.GetProperty("income_count").GetInt32() - expected.GetProperty("dividend_count").GetInt32(), stored.Count(t => t.Type == TransactionType.Interest));
        // Cash is the signed sum of TOTAL and TRNAMT (17 decimal places in the file); the opening lots cost nothing.
        Assert.Equal(sample.ExpectedDecimal("sum_of_amounts"), await sample.CashAsync(), 10);
    }
}
