using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Fx;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.Import;

public sealed class FxRateImporterTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_EcbReferenceRates_StoresTheSupportedPairs_ListsTheOthers_AndReimportChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await ImportAsync(database, ImportFiles.Data("ecb_eurofxref_2017-03-01_03.csv"));
        var again = await ImportAsync(database, ImportFiles.Data("ecb_eurofxref_2017-03-01_03.csv"));

        Assert.False(first.Rejected, string.Join("\n", first.Errors));
        Assert.Equal(("fx", 24 * 3, 0), (first.Layout, first.Imported, first.DuplicatesSkipped));
        Assert.Equal(7 * 3, first.Errors.Count);
        Assert.Contains(first.Errors, e => e.Reason == "skipped: HRK is not a currency Glidepath supports.");
        Assert.Equal((0, 72), (again.Imported, again.DuplicatesSkipped));
        await using var db = database.CreateDbContext();
        var usd = Currency.Usd;
        var gbp = Currency.Of("GBP");
        Assert.Equal(1.0514m, (await db.FxRates.SingleAsync(r => r.Base == Currency.Eur && r.Quote == usd && r.Date == new DateOnly(2017, 3, 2))).Rate);
        Assert.Equal(0.86355m, (await db.FxRates.SingleAsync(r => r.Base == Currency.Eur && r.Quote == gbp && r.Date == new DateOnly(2017, 3, 3))).Rate);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_ForAHousehold_StoresItsOwnRates_AndAChangedRateReplacesOnlyThatDay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var household = await HouseholdAsync(database);
        await ImportAsync(database, ImportFiles.Text("Date,Base,Quote,Rate\n2024-01-02,EUR,USD,1.0956\n2024-01-03,EUR,USD,1.0919"), household);

        var changed = await ImportAsync(database, ImportFiles.Text("rate,quote,base,date\n1.09,usd,eur,2024-01-03\n1.0956,USD,EUR,2024-01-02"), household);

        Assert.Equal((1, 1), (changed.Imported, changed.DuplicatesSkipped));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.FxRates.CountAsync());
        var rates = await db.HouseholdFxRates.Where(r => r.HouseholdId == household).ToListAsync();
        Assert.Equal([(new DateOnly(2024, 1, 2), 1.0956m), (new DateOnly(2024, 1, 3), 1.09m)], rates.OrderBy(r => r.Date).Select(r => (r.Date, r.Rate)));
    }

    [Theory]
    [InlineData("", 1, null, "The file is empty.")]
    [InlineData("Date,From,To,Rate\n2024-01-02,EUR,USD,1.1", 1, "Base", "No Base column. Expected the header Date,Base,Quote,Rate.")]
    [InlineData("Date,Base,Quote,Rate\n02/01/2024,EUR,USD,1.1", 2, "Date", "'02/01/2024' is not an ISO date (yyyy-MM-dd).")]
    [InlineData("Date,Base,Quote,Rate\n2024-01-02,EU,USD,1.1", 2, "Base", "'EU' is not a three-letter ISO-4217 currency code.")]
    [InlineData("Date,Base,Quote,Rate\n2024-01-02,EUR,EUR,1", 2, "Quote", "EUR to EUR is always 1; a rate needs two different currencies.")]
    [InlineData("Date,Base,Quote,Rate\n2024-01-02,EUR,USD,0", 2, "Rate", "'0' is not a positive number.")]
    [InlineData("Date,Base,Quote,Rate\n2024-01-02,EUR,USD,\"1,1\"", 2, "Rate", "'1,1' is not a positive number.")]
    [InlineData("Date,Base,Quote,Rate\n2024-01-02,EUR,USD,1.1\n2024-01-03,EUR,USD,1.2\n2024-01-02,eur,usd,1.1", 4, null, "EUR/USD on 2024-01-02 appears twice in the file.")]
    public async Task Import_MalformedFile_IsRejectedWithRowAndColumn_AndWritesNothing(string csv, int row, string? column, string reason)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        // A good row after the bad one: it must not be written either.
        var result = await ImportAsync(database, ImportFiles.Text(csv.Length == 0 ? csv : csv + "\n2024-01-05,GBP,USD,1.27"));

        Assert.True(result.Rejected);
        Assert.Equal(new ImportError(row, column, reason), result.Errors[0]);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.FxRates.CountAsync());
    }

    [Fact]
    public async Task Import_SkipInvalid_WritesTheGoodRowsAndListsTheBadOnes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await ImportAsync(
            database, ImportFiles.Text("Date,Base,Quote,Rate\n2024-01-02,EUR,USD,1.1\n2024-01-03,EUR,USD,-1\n2024-01-04,EUR,USD,1.2"),
            options: new ImportOptions { SkipInvalid = true });

        Assert.Equal((false, 2), (result.Rejected, result.Imported));
        Assert.Equal(new ImportError(3, "Rate", "'-1' is not a positive number."), Assert.Single(result.Errors));
    }

    private static async Task<ImportResult> ImportAsync(TestDatabase database, Stream csv, Guid? household = null, ImportOptions? options = null)
    {
        await using (csv)
        {
            await using var db = database.CreateDbContext();
            return await new FxRateImporter(db).ImportAsync(csv, household, options);
        }
    }

    private static async Task<Guid> HouseholdAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var household = new Household { Name = "FX", CreatedUtc = DateTimeOffset.UnixEpoch };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return household.Id;
    }
}
