using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

/// <summary>Both public Schwab exports, which the importer used to refuse whole.</summary>
public sealed class SchwabLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BrokerageExport_WithTitleLine_ImportsEveryRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "schwab_beancount-reds-importers_schwab_csv_brokerage_Transactions_123.csv", Currency.Usd);
        // The sale (Dec 2022) is of units bought before the export; without basis known.
        var probe = await sample.ImportAsync();
        var needed = Assert.Single(probe.OpeningLotsNeeded);
        var lot = new OpeningLot(needed.Symbol, needed.Before.AddDays(-1), needed.Quantity, Cost: null);

        var result = await sample.ImportTwiceAsync("schwab", new ImportOptions { OpeningLots = [lot] });

        Assert.Equal(sample.Rows + 1, result.Imported);
        // The sale relieved the lot of unknown basis: Form 8949 says so rather than reporting a zero basis as known.
        var form = (await sample.Form8949Async(needed.Before.Year)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(form.Skip(1), line => line.Contains($"{needed.Symbol} (basis unknown)", StringComparison.Ordinal));
        Assert.Equal(decimal.Parse(sample.Expected.GetProperty("stated_transactions_total").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            await sample.CashAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task GhostfolioSample_WithJournalsAndCorporateActions_ImportsWhenTheyAreSkippedDeliberately(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "schwab_export-to-ghostfolio_schwab-export.csv", Currency.Usd);

        var refused = await sample.ImportAsync();
        Assert.True(refused.Rejected);
        Assert.Contains(refused.Errors, e => e.Reason.Contains("'Journaled Shares' is not imported", StringComparison.Ordinal));
        Assert.Equal(0, await sample.TransactionsAsync());

        // Units sold that the file never bought (bought before it starts, or journaled in): the import asks for them.
        var probe = await sample.ImportAsync(new ImportOptions { SkipUnmapped = true });
        Assert.True(probe.Rejected);
        Assert.Equal(2, probe.OpeningLotsNeeded.Count);
        var lots = probe.OpeningLotsNeeded.Select(n => new OpeningLot(n.Symbol, new DateOnly(2021, 1, 4), n.Quantity, Cost: null)).ToList();

        var result = await sample.ImportTwiceAsync("schwab", new ImportOptions { SkipUnmapped = true, OpeningLots = lots });

        // 'other' in the reading: 12 share-only corporate actions and journals (listed) and 5 credit interest payments (booked).
        Assert.Equal(12, result.Unmapped.Count);
        Assert.Equal(sample.Rows - 12 + lots.Count, result.Imported);
        Assert.Equal(sample.Sum("buy", "USD") + sample.Sum("sell", "USD") + sample.Sum("dividend", "USD") + sample.Sum("tax", "USD") + sample.Sum("fee", "USD")
            + sample.Sum("cash", "USD") + 142.48m /* credit interest: 'other' in the reading, not a corporate action */, await sample.CashAsync());
    }
}
