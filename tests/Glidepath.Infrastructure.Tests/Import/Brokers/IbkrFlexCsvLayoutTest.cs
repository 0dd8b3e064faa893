using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class IbkrFlexCsvLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Trades_BuysInTwoCurrenciesAndConversions_BookBuysAndConversionCommissions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "ibkr_export-to-ghostfolio_ibkr-trades-export.csv", Currency.Usd);
        // The file has no rates: the CHF rows take the household's stored CHF→USD close of their day.
        await sample.StoreRateAsync("CHF", "USD", "2023-05-22", 1.10m);
        await sample.StoreRateAsync("CHF", "USD", "2023-06-09", 1.11m);
        await sample.StoreRateAsync("CHF", "USD", "2024-01-26", 1.15m);

        var result = await sample.ImportTwiceAsync("ibkr-flex-csv");

        // 8 buys, and the 3 CHF→USD conversions ('other') book only their CHF commission.
        Assert.Equal(sample.Count("buy") + sample.Count("other"), result.Imported);
        Assert.Equal(sample.Rows, await sample.TransactionsAsync());
        var chfBuy = sample.Sum("buy", "CHF") + 5m;   // the CHF buy's commission is in CHF, -5
        var usdBuys = sample.Sum("buy", "USD") + 6.979m;   // commission_sum_by_currency USD
        var conversionCommissions = (1.79924m * 1.10m) + (1.79802m * 1.11m) + (1.73416m * 1.15m);
        Assert.Equal(-usdBuys - (chfBuy * 1.10m) - conversionCommissions, await sample.CashAsync());
        Assert.Equal(
            new Dictionary<string, decimal> { ["US9220427424"] = 323m, ["CH0111762537"] = 7m },
            await sample.PositionsAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CashTransactions_DividendsAndWithholding_BookGrossDividendsAndTaxAsFees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "ibkr_export-to-ghostfolio_ibkr-dividends-export.csv", Currency.Usd);
        await sample.StoreRateAsync("CHF", "USD", "2023-09-13", 1.12m);
        await sample.StoreRateAsync("USD", "JPY", "2025-06-25", 144.5m);

        var result = await sample.ImportTwiceAsync("ibkr-flex-csv");

        Assert.Equal(sample.Count("dividend") + sample.Count("tax"), result.Imported);
        var expected = sample.Sum("dividend", "USD") + sample.Sum("tax", "USD")
            + ((sample.Sum("dividend", "CHF") + sample.Sum("tax", "CHF")) * 1.12m)
            + (sample.Sum("dividend", "JPY") / 144.5m);
        Assert.Equal(decimal.Round(expected, 10), decimal.Round(await sample.CashAsync(), 10));
        Assert.Empty(await sample.PositionsAsync());
    }

    [Fact]
    public async Task CashTransactions_InACurrencyWithoutStoredRate_AreRejectedNamingTheRate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await BrokerSample.CreateAsync(database, "ibkr_export-to-ghostfolio_ibkr-dividends-export.csv", Currency.Usd);

        var result = await sample.ImportAsync();

        Assert.True(result.Rejected);
        Assert.Contains(result.Errors, e => e.Reason.Contains("CHF/USD", StringComparison.Ordinal));
        Assert.Equal(0, await sample.TransactionsAsync());
    }
}
