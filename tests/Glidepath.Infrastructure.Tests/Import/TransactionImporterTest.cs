using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Tests.Ledger;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Tests.Import;

public sealed class TransactionImporterTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_GenericFile_StoresRowsAndCachesTheLedger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);

        var result = await ImportAsync(database, account, ImportFiles.Generic);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(("generic", 6, 0), (result.Layout, result.Imported, result.DuplicatesSkipped));
        Assert.Empty(result.CreatedInstruments);
        await using var db = database.CreateDbContext();
        var position = Assert.Single(await new LedgerStore(db).GetPositionsAsync(account.HouseholdId));
        Assert.Equal(9m, position.Quantity);
        var dividend = await db.Transactions.SingleAsync(t => t.Type == TransactionType.Dividend);
        Assert.Equal((new DateOnly(2024, 3, 15), 12.34m, "Q1 dividend"), (dividend.SettlementDate, dividend.Amount, dividend.Memo));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_SameFileTwice_AddsNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);
        Assert.True((await ImportAsync(database, account, ImportFiles.Generic)).Succeeded);
        var before = await database.SnapshotAsync();

        var again = await ImportAsync(database, account, ImportFiles.Generic);

        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal((0, 6), (again.Imported, again.DuplicatesSkipped));
        await using var db = database.CreateDbContext();
        Assert.Equal(6, await db.Transactions.CountAsync());
        Assert.Equal(2, await db.Transactions.CountAsync(t => t.Quantity == 2m));
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Import_FileWithOneMoreIdenticalRow_AddsOnlyThatRow()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);
        Assert.True((await ImportAsync(database, account, ImportFiles.Generic)).Succeeded);

        var result = await ImportAsync(database, account, ImportFiles.Generic + "\n2024-01-04,2024-01-08,Buy,VTI,2,236,0,,USD,1,,");

        Assert.Equal((1, 6), (result.Imported, result.DuplicatesSkipped));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_MalformedFile_NamesRowsAndColumnsAndLeavesDatabaseByteForByteUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);
        Assert.True((await ImportAsync(database, account, ImportFiles.Generic)).Succeeded);
        var before = await database.SnapshotAsync();

        var result = await ImportAsync(database, account, """
            Date,Type,Symbol,Quantity,Price,Amount,Currency
            2024-07-01,Deposit,,,,500,USD
            2024-13-01,Deposit,,,,500,USD
            2024-07-02,Buy,NEWCO,ten,12.5,,USD
            2024-07-03,Bribe,,,,5,USD
            2024-07-04,Withdrawal,,,,-5,USD
            2024-07-05,Buy,,3,10,,USD
            2024-07-06,Deposit,,,,5,XYZ
            """);

        Assert.True(result.Rejected);
        Assert.Equal(0, result.Imported);
        Assert.Equal(
            [(3, "Date"), (4, "Quantity"), (5, "Type"), (6, "Amount"), (7, "Symbol"), (8, "Currency")],
            result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("2024-13-01", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_HistoryTheLedgerRefuses_IsRejectedWithTheRowAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);
        Assert.True((await ImportAsync(database, account, ImportFiles.Generic)).Succeeded);
        var before = await database.SnapshotAsync();

        var result = await ImportAsync(database, account, """
            Date,Type,Symbol,Quantity,Price
            2024-07-01,Buy,NEWCO,1,10
            2024-07-02,Sell,VTI,100,250
            """);

        Assert.True(result.Rejected);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.StartsWith("insufficient-quantity", error.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_SkipInvalid_ImportsGoodRowsAndReportsTheRest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);

        var result = await ImportAsync(database, account, """
            Date,Type,Symbol,Quantity,Price,Amount
            2024-07-01,Deposit,,,,1000
            2024-07-02,Buy,VTI,3,100,
            2024-07-03,Buy,VTI,three,100,
            2024-07-04,Sell,VTI,5,110,
            2024-07-05,Sell,VTI,1,110,
            """, new ImportOptions { SkipInvalid = true });

        Assert.False(result.Rejected);
        Assert.Equal(3, result.Imported);
        Assert.Equal([(4, "Quantity"), (5, null)], result.Errors.Select(e => (e.Row, e.Column)));
        await using var db = database.CreateDbContext();
        Assert.Equal(2m, Assert.Single(await new LedgerStore(db).GetPositionsAsync(account.HouseholdId)).Quantity);
        Assert.Equal(3, await db.Transactions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_SchwabExport_IsDetectedAndMapped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);

        await using var file = ImportFiles.Data("schwab_transactions.csv");
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TransactionImporter>().ImportAsync(account.Id, file);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(("schwab", 9), (result.Layout, result.Imported));
        Assert.Equal(["SCHB", "SWPPX"], result.CreatedInstruments);
        var store = scope.ServiceProvider.GetRequiredService<LedgerStore>();
        var state = await store.GetStateAsync(account.HouseholdId);
        Assert.Equal([50.393m, 60m], state.Positions.Select(p => p.Quantity).Order());
        // The cash that moved is each row's Amount (Schwab rounds Price): 20000 − 5210 − 3513.56 + 35.12 + 20 − 20.00 + 1.23 + 2319.98 − 0.50
        Assert.Equal(13632.27m, state.Cash.Single(c => c.AccountId == account.Id).Amount);
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var asOf = await db.Transactions.SingleAsync(t => t.Quantity == 50.123m);
        Assert.Equal((new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 5), 4.95m), (asOf.TradeDate, asOf.SettlementDate, asOf.Fees));
    }

    [Fact]
    public async Task Import_SchwabNewestFirstWithJournalsAndAsOfDates_MapsCashActions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);

        // Newest first, as Schwab exports; the totals line carries a trailing empty field.
        var result = await ImportAsync(database, account, """
            "Transactions  for account Brokerage ...123 as of 05/03/2023 02:21:05 PM ET"
            "Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"
            "04/20/2023","Journal","","TRANSFER FUNDS TO BANK","","","","-$1,000.00"
            "04/17/2023 as of 04/15/2023","Bank Interest","","BANK INT 031623-041523","","","","$0.03"
            "01/09/2023","MoneyLink Deposit","","Jane Doe","","","","$2,500.00"
            "Transactions Total","","","","","","","$1,500.03",
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = database.CreateDbContext();
        var stored = await db.Transactions.OrderBy(t => t.Amount).Select(t => new { t.Type, t.Amount, t.TradeDate, t.SettlementDate }).ToListAsync();
        Assert.Equal(
            [
                new { Type = TransactionType.Interest, Amount = 0.03m, TradeDate = new DateOnly(2023, 4, 15), SettlementDate = new DateOnly(2023, 4, 17) },
                new { Type = TransactionType.Withdrawal, Amount = 1000m, TradeDate = new DateOnly(2023, 4, 20), SettlementDate = new DateOnly(2023, 4, 20) },
                new { Type = TransactionType.Deposit, Amount = 2500m, TradeDate = new DateOnly(2023, 1, 9), SettlementDate = new DateOnly(2023, 1, 9) },
            ],
            stored);
    }

    [Fact]
    public async Task Import_SchwabOptionTrade_IsRefusedOnItsActionColumn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);

        var result = await ImportAsync(database, account, """
            "Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"
            "08/18/2025","Sell to Open","APP 08/22/2025 475.00 C","CALL APPLOVIN CORP $475 EXP 08/22/25","4","$1.10","$2.65","$437.35"
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "Action"), (error.Row, error.Column));
    }

    [Fact]
    public async Task Import_UnknownSymbolWhenCreationIsOff_IsAnErrorOnSymbol()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);

        var result = await ImportAsync(database, account, "Date,Type,Symbol,Quantity,Price\n2024-07-02,Buy,ZZZ,1,1", new ImportOptions { CreateMissingInstruments = false });

        Assert.Equal([(2, "Symbol")], result.Errors.Select(e => (e.Row, e.Column)));
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.Instruments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_RowsNamingAnIsin_ResolveByIsin_OrCreateAnUnclassifiedInstrumentWithIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var account = await StoreAccountAsync(database);
        Guid apple;
        await using (var seed = database.CreateDbContext())
        {
            var instrument = new Instrument { Symbol = "AAPL.XNAS", Isin = "US0378331005", AssetClass = AssetClass.UsEquity };
            seed.Instruments.Add(instrument);
            await seed.SaveChangesAsync();
            apple = instrument.Id;
        }

        var result = await ImportAsync(database, account, """
            Date,Type,Symbol,Isin,Quantity,Price
            2024-07-01,Buy,AAPL,US0378331005,2,200
            2024-07-01,Buy,,DE0007164600,3,100
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["DE0007164600"], result.CreatedInstruments);
        await using var db = database.CreateDbContext();
        Assert.Equal(apple, (await db.Transactions.SingleAsync(t => t.Quantity == 2m)).InstrumentId);
        var sap = await db.Instruments.SingleAsync(i => i.Isin == "DE0007164600");
        Assert.Equal((AssetClass.Unclassified, account.HouseholdId), (sap.AssetClass, sap.HouseholdId));
    }

    [Fact]
    public async Task Import_IsinWithAWrongCheckDigit_IsARowError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);

        var result = await ImportAsync(database, account, "Date,Type,Symbol,Isin,Quantity,Price\n2024-07-02,Buy,AAPL,US0378331006,1,1");

        Assert.True(result.Rejected);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "Symbol"), (error.Row, error.Column));
        Assert.Contains("not a valid ISIN", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnrecognisedHeader_IsRejectedOnRowOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);

        var result = await ImportAsync(database, account, "When,What\n2024-01-01,Deposit");

        Assert.True(result.Rejected);
        Assert.Equal(1, Assert.Single(result.Errors).Row);
    }

    [Fact]
    public async Task Import_SymbolListedOnTwoExchanges_IsARowError_AndAStoredSymbolIsNotCreatedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var account = await StoreAccountAsync(database);
        await using (var db = database.CreateDbContext())
        {
            db.Instruments.AddRange(
                new Instrument { Symbol = "SHEL", Exchange = "NYSE" },
                new Instrument { Symbol = "SHEL", Exchange = "LSE" },
                new Instrument { Symbol = "ASML", Exchange = "NASDAQ" });
            await db.SaveChangesAsync();
        }

        var rejected = await ImportAsync(database, account, """
            Date,Type,Symbol,Quantity,Price,Amount,Currency
            2024-07-01,Deposit,,,,5000,USD
            2024-07-02,Buy,asml,1,700,,USD
            2024-07-02,Buy,SHEL,10,70,,USD
            """);
        var accepted = await ImportAsync(database, account, """
            Date,Type,Symbol,Quantity,Price,Amount,Currency
            2024-07-01,Deposit,,,,5000,USD
            2024-07-02,Buy,asml,1,700,,USD
            """);

        var error = Assert.Single(rejected.Errors);
        Assert.Equal(4, error.Row);   // the header is row 1
        Assert.Contains("'SHEL' is listed on more than one exchange", error.Reason, StringComparison.Ordinal);
        Assert.True(accepted.Succeeded, string.Join("\n", accepted.Errors));
        Assert.Empty(accepted.CreatedInstruments);
        await using var check = database.CreateDbContext();
        Assert.Equal(1, await check.Instruments.CountAsync(i => i.Symbol == "ASML"));
    }

    /// <summary>
    /// The replay runs while the rows are written, so the wash-sale options must already count the
    /// instruments the file trades: here two listings sharing an ISIN, neither traded before.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_ReplacementListingSharesIsin_DisallowsTheLoss(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Account account;
        await using (var db = database.CreateDbContext())
        {
            var data = await LedgerTestHousehold.StoreAsync(db);
            data.Instruments[0].Isin = "US9229087690";
            db.Add(new Instrument { Symbol = "VTIX", Exchange = "XLON", Isin = "US9229087690" });
            await db.SaveChangesAsync();
            account = data.Taxable;
        }

        var result = await ImportAsync(database, account, """
            Date,Type,Symbol,Quantity,Price,Fees,Amount,Currency
            2024-01-02,Deposit,,,,,2000,USD
            2024-01-02,Buy,VTI,10,100,0,,USD
            2024-02-20,Buy,VTIX,4,90,0,,USD
            2024-03-01,Sell,VTI,10,80,0,,USD
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var check = database.CreateDbContext();
        // 4 of the 10 units sold at a $200 loss were replaced within 30 days: 4/10 of it is disallowed.
        Assert.Equal(80m, (await new LedgerStore(check).GetRealisedGainsAsync(account.HouseholdId)).Sum(g => g.DisallowedLoss));
    }

    private static async Task<Account> StoreAccountAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await LedgerTestHousehold.StoreAsync(db)).Taxable;
    }

    private static async Task<ImportResult> ImportAsync(TestDatabase database, Account account, string csv, ImportOptions? options = null)
    {
        await using var db = database.CreateDbContext();
        await using var file = ImportFiles.Text(csv);
        return await new TransactionImporter(db, new LedgerStore(db)).ImportAsync(account.Id, file, options);
    }
}
