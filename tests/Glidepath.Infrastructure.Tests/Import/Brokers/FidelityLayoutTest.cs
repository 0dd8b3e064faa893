using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class FidelityLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task HistoryForAccount_BooksBuysReinvestmentsDividendsAndCash_AndListsTheMerger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "fidelity_beancount-reds-importers_History_for_Account_X99999999.csv", Currency.Usd);

        var result = await sample.ImportTwiceAsync("fidelity", new ImportOptions { SkipUnmapped = true });

        Assert.Equal(sample.Count("other"), result.Unmapped.Count);   // the SPAC merger's two share-only lines
        Assert.Equal(sample.Rows - sample.Count("other"), result.Imported);
        Assert.Equal(sample.Sum("buy", "USD") + sample.Sum("dividend", "USD") + sample.Sum("cash", "USD"), await sample.CashAsync());
        var positions = await sample.PositionsAsync();
        Assert.Equal((48.195m, 0.02m, 1m, 3000m, 15000m), (positions["FZIPX"], positions["FZFXX"], positions["G8354H126"], positions["9128285B2"], positions["912796RC5"]));
    }

    [Fact]
    public async Task AllAccountsExport_ImportsTheFirstAccountsRows_AndListsTheOthers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var sample = await BrokerSample.CreateAsync(database, "fidelity_beancount-reds-importers_fidelity_csv_all_accounts_transactions_20251204.csv", Currency.Usd);

        var result = await sample.ImportTwiceAsync("fidelity", new ImportOptions { SkipUnmapped = true });

        // Account 111111111 (IRA): a dividend of 713.08 and its reinvestment of the same 713.08 (9.598 BND at ~74.29).
        Assert.Equal(2, result.Imported);
        Assert.Equal(sample.Rows - 2, result.Unmapped.Count);
        Assert.Equal(0m, await sample.CashAsync());
        Assert.Equal(new Dictionary<string, decimal> { ["BND"] = 9.598m }, await sample.PositionsAsync());
    }
}
