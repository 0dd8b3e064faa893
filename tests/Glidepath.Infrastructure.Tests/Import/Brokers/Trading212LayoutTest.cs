using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class Trading212LayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task History_BooksTradesAtTheirTotalsAndDividendsNet_AndListsTheStockDistribution(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "trading212_export-to-ghostfolio_trading212-export.csv", Currency.Eur);
        // The sale is of units bought before the export: the user gives the opening lot.
        var options = new ImportOptions { SkipUnmapped = true, OpeningLots = [new OpeningLot("ASTR", new DateOnly(2023, 1, 2), 0.61254m, Cost: 3.78m)] };

        var result = await sample.ImportTwiceAsync("trading212", options);

        Assert.Equal("Stock distribution", Assert.Single(result.Unmapped).Action);
        // Every row but the distribution, plus the opening lot.
        Assert.Equal(sample.Rows - 1 + 1, result.Imported);
        // Totals are unsigned in the file: deposit + sale + dividends + interest − buys − the opening lot's cost.
        var expected = sample.Sum("cash", "EUR") + sample.Sum("sell", "EUR") + sample.Sum("dividend", "EUR") + sample.Sum("other", "EUR") - sample.Sum("buy", "EUR") - 3.78m;
        Assert.Equal(expected, decimal.Round(await sample.CashAsync(), 10));
        var positions = await sample.PositionsAsync();
        Assert.Equal([("ASTS", 0.29764m), ("CSCO", 0.029053m), ("VICI", 0.041014m)], positions.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }
}
