using System.Globalization;
using System.Xml.Linq;
using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class IbkrFlexXmlLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task DividendsWithWithholdingAndRefunds_BookDividendsFeesAndRefunds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "ibkr_beancount-reds-importers_dividend-plus-tax.xml", Currency.Usd);

        var result = await sample.ImportTwiceAsync("ibkr-flex-xml");

        Assert.Equal(sample.Count("dividend") + sample.Count("tax"), result.Imported);
        Assert.Equal(sample.Sum("dividend", "USD") + sample.Sum("tax", "USD"), await sample.CashAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TradesSplitAndFees_AreBookedAtTheFilesRates_AndTheOptionAndTenderAreListed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "ibkr_portfolio-performance_testIBFlexStatementFile01.xml", Currency.Chf);

        var refused = await sample.ImportAsync();
        Assert.True(refused.Rejected);
        Assert.Equal(4, refused.Errors.Count);   // the option trade, the tender's two lines and the cash merger

        var result = await sample.ImportTwiceAsync("ibkr-flex-xml", new ImportOptions { SkipUnmapped = true });

        Assert.Equal(4, result.Unmapped.Count);
        // 13 stock buys, one split (its two lines are one event), 7 cash transactions.
        Assert.Equal(13 + 1 + 7, result.Imported);
        Assert.Equal(IndependentCash(), await sample.CashAsync());
        var positions = await sample.PositionsAsync();
        Assert.Equal(480m, positions["GCM"]);   // 12,000 old units, 1 for 25
    }

    /// <summary>The file read directly: every stock trade's netCash and every cash transaction, at its fxRateToBase.</summary>
    private static decimal IndependentCash()
    {
        var xml = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Import", "Data", "Brokers", "ibkr_portfolio-performance_testIBFlexStatementFile01.xml"));
        decimal A(XElement e, string name) => decimal.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var trades = xml.Descendants("Trade").Where(t => t.Attribute("assetCategory")!.Value == "STK").Sum(t => A(t, "netCash") * A(t, "fxRateToBase"));
        var cash = xml.Descendants("CashTransaction").Sum(t => A(t, "amount") * A(t, "fxRateToBase"));
        return trades + cash;
    }
}
