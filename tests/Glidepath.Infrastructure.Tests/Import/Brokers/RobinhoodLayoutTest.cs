using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class RobinhoodLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ActivityReport_BooksTradesDividendsWithholdingAndCash_AndListsTheOptionAndFxRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "robinhood_export-to-ghostfolio-ngolf_robinhood-export.csv", Currency.Usd);
        var options = new ImportOptions { SkipUnmapped = true, OpeningLots = [new OpeningLot("AMD", new DateOnly(2026, 1, 2), 3m, Cost: null)] };

        var result = await sample.ImportTwiceAsync("robinhood", options);

        Assert.Equal(["BTO", "FXBUY", "FXBUY"], result.Unmapped.Select(u => u.Action).Order());
        // 13 rows less the put and the FX pair, plus the opening lot.
        Assert.Equal(sample.Rows - 3 + 1, result.Imported);
        // 'other' is the FX pair (234.90), the interest (8.83) and the lending income (0.01).
        var put = -3590.84m;
        var expected = sample.Sum("buy", "USD") - put + sample.Sum("sell", "USD") + sample.Sum("dividend", "USD") + sample.Sum("tax", "USD")
            + sample.Sum("cash", "USD") + 8.83m + 0.01m;
        Assert.Equal(expected, await sample.CashAsync());
        Assert.Equal(new Dictionary<string, decimal> { ["NVDA"] = 5.5m }, await sample.PositionsAsync());
    }

    [Fact]
    public async Task ActivityReport_WithoutOpeningLots_AsksForTheUnitsSoldBeforeTheHistory()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await BrokerSample.CreateAsync(database, "robinhood_export-to-ghostfolio-ngolf_robinhood-export.csv", Currency.Usd);

        var result = await sample.ImportAsync(new ImportOptions { SkipUnmapped = true });

        Assert.True(result.Rejected);
        Assert.Equal([new OpeningLotRequest("AMD", new DateOnly(2026, 9, 10), 3m)], result.OpeningLotsNeeded);
        Assert.Equal(0, await sample.TransactionsAsync());
    }
}
