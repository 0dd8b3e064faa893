using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class VanguardUkLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Report_BooksTradesFromTheInvestmentSectionAndCashFromTheCashSection(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "vanguard-uk_export-to-ghostfolio-ngolf_vanguard-uk-export.csv", Currency.Of("GBP"));

        var result = await sample.ImportTwiceAsync("vanguard-uk");

        Assert.Empty(result.Unmapped);
        Assert.Equal(sample.Rows, result.Imported);   // the cash section's 3 "Bought" rows are the investment section's 3 buys
        Assert.Equal(decimal.Parse(sample.Expected.GetProperty("cash_section_stated_balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture), await sample.CashAsync());
        Assert.Equal(new Dictionary<string, decimal> { ["VHYL"] = 1630m, ["VUAG"] = 327m }, await sample.PositionsAsync());
    }
}
