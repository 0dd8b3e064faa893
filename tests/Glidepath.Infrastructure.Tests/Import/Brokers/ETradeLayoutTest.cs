using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class ETradeLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task LegacyDownload_BooksTradesReinvestmentsDividendsAndCash_AndListsJournalsAndReorganisations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "etrade_bean-jmw_etrade.csv", Currency.Usd);
        var options = new ImportOptions { SkipUnmapped = true };

        var result = await sample.ImportTwiceAsync("etrade", options);

        // 'other' = 9 adjustments, 2 'Other', 6 reorganisations (listed) and 3 sweep interest payments (booked).
        Assert.Equal(17, result.Unmapped.Count);
        Assert.Equal(sample.Rows - 17, result.Imported);
        var interest = 29.11m + 585.59m + 2.29m;
        Assert.Equal(sample.Sum("buy", "USD") + sample.Sum("sell", "USD") + sample.Sum("dividend", "USD") + sample.Sum("fee", "USD") + sample.Sum("cash", "USD") + interest,
            await sample.CashAsync());
        // 50 bought, 25 sold; the 13 journaled in are a listed adjustment, not booked.
        Assert.Equal(25m, (await sample.PositionsAsync())["GOOG"]);
    }
}
