using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Import;

public sealed class PriceImporterTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_DailyOhlcvFile_StoresClosesAndReimportChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await ImportFileAsync(database, "msft_daily_ohlcv.csv", "MSFT");
        var snapshot = await database.SnapshotAsync();
        var again = await ImportFileAsync(database, "msft_daily_ohlcv.csv", "msft");

        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.Equal(("daily", 249, 0), (first.Layout, first.Imported, first.DuplicatesSkipped));
        Assert.Equal(["MSFT"], first.CreatedInstruments);
        Assert.Equal((0, 249), (again.Imported, again.DuplicatesSkipped));
        Assert.Equal(snapshot, await database.SnapshotAsync());
        await using var db = database.CreateDbContext();
        Assert.Equal(60.625m, await CloseAsync(db, "MSFT", new DateOnly(2000, 9, 27)));
        Assert.Equal(49.96m, await CloseAsync(db, "MSFT", new DateOnly(2001, 9, 27)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_WideFileWithGaps_StoresEveryNonEmptyCell(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await ImportFileAsync(database, "sp500_constituents_daily_prices_2001h2.csv", symbol: null);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("wide", result.Layout);
        Assert.Equal(500, result.CreatedInstruments.Count);
        Assert.Equal((500 * 103) - 645, result.Imported);
        await using var db = database.CreateDbContext();
        Assert.Equal(18.79m, await CloseAsync(db, "AAPL", new DateOnly(2001, 7, 31)));
        Assert.Equal(21.9m, await CloseAsync(db, "AAPL", new DateOnly(2001, 12, 31)));
        Assert.Null(await CloseAsync(db, "ATH", new DateOnly(2001, 7, 31)));   // an empty cell: no price that day
    }

    [Fact]
    public async Task Import_ChangedClose_ReplacesOnlyThatDay()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ImportTextAsync(database, "Date,AAA,BBB\n2024-01-02,10,20\n2024-01-03,11,21");

        var result = await ImportTextAsync(database, "Date,AAA,BBB\n2024-01-02,10,20\n2024-01-03,11.5,21");

        Assert.Equal((1, 3), (result.Imported, result.DuplicatesSkipped));
        await using var db = database.CreateDbContext();
        Assert.Equal(11.5m, await CloseAsync(db, "AAA", new DateOnly(2024, 1, 3)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_MalformedPriceFile_NamesRowsAndColumnsAndLeavesDatabaseUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportTextAsync(database, "Date,AAA,BBB\n2024-01-02,10,20");
        var before = await database.SnapshotAsync();

        var result = await ImportTextAsync(database, "Date,AAA,BBB,CCC\n2024-01-03,11,abc,1\n2024-01-04,-1,22,1\n2024-01-04,12,23,1\n01/05/2024,13,24,1");

        Assert.True(result.Rejected);
        Assert.Equal([(2, "BBB"), (3, "AAA"), (4, "Date"), (5, "Date")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Import_SkipInvalid_KeepsTheGoodCells()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await ImportTextAsync(database, "Date,AAA,BBB\n2024-01-03,11,abc\n2024-01-04,12,22", new ImportOptions { SkipInvalid = true });

        Assert.Equal((3, 1), (result.Imported, result.Errors.Count));
    }

    [Fact]
    public async Task Import_DailyFileWithoutSymbol_IsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await ImportFileAsync(database, "msft_daily_ohlcv.csv", symbol: null);

        Assert.True(result.Rejected);
        Assert.Equal((1, "Close"), (result.Errors[0].Row, result.Errors[0].Column));
    }

    private static async Task<decimal?> CloseAsync(GlidepathDbContext db, string symbol, DateOnly date)
    {
        var instrument = await db.Instruments.SingleAsync(i => i.Symbol == symbol);
        return (await db.Prices.SingleOrDefaultAsync(p => p.InstrumentId == instrument.Id && p.Date == date))?.Close;
    }

    private static async Task<ImportResult> ImportFileAsync(TestDatabase database, string name, string? symbol)
    {
        await using var db = database.CreateDbContext();
        await using var file = ImportFiles.Data(name);
        return await new PriceImporter(db).ImportAsync(file, symbol);
    }

    private static async Task<ImportResult> ImportTextAsync(TestDatabase database, string csv, ImportOptions? options = null)
    {
        await using var db = database.CreateDbContext();
        await using var file = ImportFiles.Text(csv);
        return await new PriceImporter(db).ImportAsync(file, options: options);
    }
}
